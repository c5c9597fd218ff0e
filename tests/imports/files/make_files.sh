#!/bin/sh
# Writes the import test files as German office software does: the tables below are typed in
# (UTF-8, comma), opened by LibreOffice Calc in a German locale (dates and numbers read as a
# German user's Calc reads them: "01099" becomes the number 1099), saved as XLSX, and saved
# again as CSV with ";" in Windows-1252 (German Excel's "CSV (Trennzeichen-getrennt)") or UTF-8.
# Run once (Debian: apt-get install libreoffice-calc-nogui; locale de_DE.UTF-8 generated); the
# results are committed. Needs: soffice.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8
office() {
    soffice -env:UserInstallation="file://$work/profile" --headless "$@" >/dev/null
}

cat >"$work/organisationen.csv" <<'CSV'
Name,Kurzname,Rechtsform,Art,Straße,PLZ,Ort,Bundesland,Website,E-Mail,Telefon,Themen,Sprachen
Beratungsnetz Vielfalt Köln e.V.,BVK,e.V.,Beratungsstelle,Venloer Straße 12,50672,Köln,Nordrhein-Westfalen,https://vielfalt-koeln.example.org,info@vielfalt-koeln.example.org,0221 123456,"Rassismus, Antisemitismus","Deutsch, Türkisch"
Moscheegemeinde Ar-Rahma Dortmund,,eingetragener Verein,Moscheegemeinde,Münsterstraße 77,44145,Dortmund,Nordrhein-Westfalen,,kontakt@ar-rahma.example.org,+49 231 987654,"Muslimfeindlichkeit, Sicherheit von Gebetsstätten","Arabisch, Deutsch"
Queeres Jugendnetzwerk Sachsen,QJS,gGmbH,Jugendeinrichtung,Königsbrücker Straße 3,01099,Dresden,Sachsen,,hallo@qjs.example.org,0351 4455667,Queerfeindlichkeit,Deutsch
Bündnis gegen Antiziganismus Süd,,Nicht eingetragene Initiative,Netzwerk / Bündnis,,,München,Bayern,,,,Antiziganismus,"Deutsch, Romanes"
CSV

cat >"$work/ansprechpersonen.csv" <<'CSV'
Vorname,Nachname,Funktion,Organisation,E-Mail,Telefon,Sichtbarkeit,Einwilligung am,Einwilligung / Rechtsgrundlage,Themen,Sprachen
Aylin,Kaya,Beraterin,BVK,kaya@vielfalt-koeln.example.org,0221 123457,Mitglieder,15.01.2025,Schriftliche Einwilligung,Rassismus,"Deutsch, Türkisch"
Jonas,Weber,Vorstand,Moscheegemeinde Ar-Rahma Dortmund,weber@ar-rahma.example.org,+49 231 987655,Mitglieder,31.12.25,Einwilligung per E-Mail,"Muslimfeindlichkeit, Sicherheit von Gebetsstätten","Arabisch, Deutsch"
Sören,Groß,Jugendbildungsreferent,Queeres Jugendnetzwerk Sachsen,gross@qjs.example.org,,Nur für die Geschäftsstelle,,,Queerfeindlichkeit,Deutsch
CSV

cat >"$work/ansprechpersonen-fehler.csv" <<'CSV'
Vorname,Nachname,Organisation,E-Mail,Sichtbarkeit,Einwilligung am,Einwilligung / Rechtsgrundlage,Themen,Sprachen
Miriam,Schäfer,Beratungsnetz Vielfallt Köln,schaefer@vielfalt-koeln.example.org,Mitglieder,15.01.2025,Schriftliche Einwilligung,Antisemitismus,"Deutsch, Hebräisch"
Tobias,Özdemir,BVK,oezdemir@vielfalt-koeln.example.org,Mitglieder,31.13.2025,Schriftliche Einwilligung,Rassimus,Deutsch
CSV

# Typed into Calc: comma-separated UTF-8, first line 1, German (1031), numbers and dates detected.
for name in organisationen ansprechpersonen ansprechpersonen-fehler; do
    office --infilter="CSV:44,34,76,1,,1031,false,true" \
        --convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir "$work/xlsx" "$work/$name.csv"
done
cp "$work/xlsx/ansprechpersonen.xlsx" "$here/ansprechpersonen.xlsx"

# Saved as CSV: ";" and Windows-1252 (1252) or UTF-8 (76).
office --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1252,1' --outdir "$work/cp1252" \
    "$work/xlsx/organisationen.xlsx" "$work/xlsx/ansprechpersonen-fehler.xlsx"
office --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76,1' --outdir "$work/utf8" \
    "$work/xlsx/ansprechpersonen.xlsx"
cp "$work/cp1252/organisationen.csv" "$here/organisationen-windows-1252.csv"
cp "$work/cp1252/ansprechpersonen-fehler.csv" "$here/ansprechpersonen-fehler-windows-1252.csv"
cp "$work/utf8/ansprechpersonen.csv" "$here/ansprechpersonen-utf-8.csv"
