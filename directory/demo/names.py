"""Common first and last names of the communities the demo's organisations serve, in the Latin
spelling used in Germany: an Imam of an Arabic-speaking mosque is not called Heribert Weinhold.
Every combination is fictional; German names come from Faker."""

NAMES = {
    "Türkisch": (
        ["Ayşe", "Elif", "Zeynep", "Emine", "Hatice", "Merve", "Derya", "Sibel", "Gül", "Canan"],
        ["Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Murat", "Emre", "Kemal", "Serkan", "Cem"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan",
         "Doğan", "Koç", "Kurt"],
    ),
    "Arabisch": (
        ["Fatima", "Amina", "Layla", "Nour", "Rana", "Samira", "Huda", "Yasmin", "Rasha", "Dima"],
        ["Mohammed", "Ahmad", "Omar", "Khaled", "Youssef", "Karim", "Tarek", "Samir", "Bilal",
         "Hassan"],
        ["Haddad", "Khalil", "Nasser", "Saleh", "Al-Ahmad", "Hamdan", "Mansour", "Darwish",
         "Abboud", "El-Zein", "Rahman", "Jaber"],
    ),
    "Kurdisch": (
        ["Rojda", "Berfin", "Nazê", "Dilan", "Zozan", "Hêvî"],
        ["Azad", "Rêber", "Şerwan", "Dilşad", "Baran", "Zana"],
        ["Ahmadi", "Barzani", "Kaya", "Aslan", "Doski", "Hesen"],
    ),
    "Persisch": (
        ["Maryam", "Shirin", "Parisa", "Zahra", "Nasrin", "Leila"],
        ["Reza", "Amir", "Hamid", "Dariush", "Farid", "Behnam"],
        ["Hosseini", "Rahimi", "Karimi", "Mohammadi", "Ahmadi", "Sadeghi"],
    ),
    "Dari": (
        ["Mariam", "Hamida", "Freshta", "Nilofar", "Sahar"],
        ["Ahmad", "Farhad", "Mirwais", "Naveed", "Jawid"],
        ["Noori", "Sultani", "Haidari", "Popal", "Wardak"],
    ),
    "Bosnisch": (
        ["Amra", "Lejla", "Selma", "Emina", "Aida", "Merima"],
        ["Emir", "Adnan", "Senad", "Haris", "Amar", "Mirza"],
        ["Hodžić", "Begić", "Mehmedović", "Kovačević", "Hasanović", "Delić"],
    ),
    "Polnisch": (
        ["Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Anna", "Ewa"],
        ["Piotr", "Tomasz", "Krzysztof", "Marek", "Paweł", "Jakub"],
        ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"],
    ),
    "Rumänisch": (
        ["Ioana", "Elena", "Maria", "Andreea", "Mihaela", "Florentina"],
        ["Andrei", "Ion", "Mihai", "Florin", "Gheorghe", "Costel"],
        ["Popescu", "Ionescu", "Stan", "Dumitru", "Constantin", "Radu"],
    ),
    "Bulgarisch": (
        ["Maria", "Ivanka", "Desislava", "Svetla", "Radostina"],
        ["Georgi", "Ivan", "Dimitar", "Stoyan", "Nikolay"],
        ["Ivanov", "Georgiev", "Dimitrov", "Petrova", "Stoyanov"],
    ),
    "Russisch": (
        ["Olga", "Natalia", "Irina", "Swetlana", "Jelena", "Tatjana"],
        ["Sergej", "Alexej", "Dmitri", "Wladimir", "Juri", "Michail"],
        ["Iwanow", "Petrowa", "Smirnow", "Kusnezow", "Popowa", "Wolkow"],
    ),
    "Ukrainisch": (
        ["Oksana", "Olena", "Iryna", "Natalija", "Halyna"],
        ["Oleksandr", "Andrij", "Serhij", "Taras", "Bohdan"],
        ["Kowalenko", "Schewtschenko", "Bondarenko", "Tkatschenko", "Melnyk"],
    ),
    "Französisch": (
        ["Aminata", "Mariama", "Clarisse", "Brigitte", "Awa", "Estelle"],
        ["Jean-Paul", "Serge", "Emmanuel", "Ibrahima", "Patrice", "Alain"],
        ["Nguema", "Mbarga", "Fotso", "Kamga", "Tchoumi", "Diallo", "Ndiaye", "Essomba"],
    ),
    "Romanes": (
        ["Ramona", "Violeta", "Esmeralda", "Dzhenifer"],
        ["Nicolae", "Marian", "Dragan", "Sasha"],
        ["Mihai", "Stojanović", "Lakatos", "Rostas"],
    ),
}  # fmt: skip
