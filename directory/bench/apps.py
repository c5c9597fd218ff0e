from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "directory.bench"
    verbose_name = "Benchmark"
