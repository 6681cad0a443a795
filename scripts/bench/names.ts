// Names for the synthetic clinic: a mixed European town, with accents, strokes and apostrophes.

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'García', 'Martínez', 'López', 'González', 'Rodríguez', 'Fernández', 'Sánchez', 'Pérez', 'Gómez', 'Díaz',
  'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski',
  'Łukasiewicz', 'Żak', 'Ślusarczyk', 'Kołodziej', 'Błaszczyk', 'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng',
  "O'Brien", "O'Connor", "O'Neill", "D'Angelo", "Dell'Acqua", 'McCarthy', 'MacDonald', 'Fitzgerald', 'Murphy', 'Kelly',
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen',
  'Østergaard', 'Bækgaard', 'Åberg', 'Öberg', 'Ångström', 'Lindqvist', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson',
  'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Bonnet', 'François', 'Mercier', 'Faure', 'Rousseau',
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan',
  'Novák', 'Svoboda', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Pokorný',
  'Papadopoulos', 'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh',
  'Van der Berg', 'De Vries', 'Van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'De Boer', 'Mulder',
  'Ivanović', 'Petrović', 'Jovanović', 'Đorđević', 'Nikolić', 'Marković', 'Kovačević', 'Babić', 'Horvat', 'Kranjčar',
  'Gruber', 'Huber', 'Bauer', 'Wagner-Pichler', 'Steiner', 'Moser', 'Mayer', 'Hofer', 'Leitner', 'Berger',
  'Strauß', 'Weiß', 'Groß', 'Krüger', 'Köhler', 'Schäfer', 'Jäger', 'Böhm', 'Lößl', 'Günther',
  'Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Gonçalves', 'Conceição',
  'Ahmed', 'Khan', 'Ali', 'Hussain', 'Rahman', 'Chen', 'Wang', 'Li', 'Zhang', 'Liu',
  'Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe',
]

export const FIRST_NAMES = [
  'Anna', 'Maria', 'Emma', 'Sophie', 'Laura', 'Julia', 'Lena', 'Sara', 'Hannah', 'Lea',
  'Zoë', 'Chloé', 'Léa', 'Inès', 'Maëlle', 'Noémie', 'Agnès', 'Hélène', 'Renée', 'Anaïs',
  'Małgorzata', 'Łucja', 'Józefa', 'Agnieszka', 'Katarzyna', 'Dorota', 'Żaneta', 'Ewa', 'Barbara', 'Joanna',
  'Søren', 'Bjørn', 'Åsa', 'Jörg', 'Jürgen', 'Björn', 'Günter', 'Uwe', 'Klaus', 'Dieter',
  'José', 'Jesús', 'Raúl', 'Andrés', 'Iñaki', 'Íñigo', 'Ramón', 'Julián', 'Sebastián', 'Nicolás',
  'Thomas', 'Michael', 'Peter', 'Paul', 'David', 'Daniel', 'Jan', 'Lukas', 'Felix', 'Jonas',
  'François', 'Frédéric', 'Jérôme', 'Stéphane', 'Benoît', 'Loïc', 'Gaël', 'Noël', 'Joël', 'Raphaël',
  'Siobhán', 'Seán', 'Niamh', 'Aoife', 'Caoimhe', 'Pádraig', 'Róisín', 'Eoin', 'Ciarán', 'Áine',
  'Mehmet', 'Ayşe', 'Fatma', 'Çağla', 'Gülşen', 'İbrahim', 'Şükrü', 'Özge', 'Emre', 'Burak',
  'Thảo', 'Minh', 'Hương', 'Đức', 'Quỳnh', 'Wei', 'Mei', 'Jun', 'Yuki', 'Hiro',
  'Olga', 'Irena', 'Jiří', 'Tomáš', 'Lucie', 'Petra', 'Zsófia', 'Ágnes', 'Gábor', 'Dávid',
  'Giulia', 'Francesca', 'Chiara', 'Matteo', 'Lorenzo', 'Niccolò', 'Mattia', 'Andrea', 'Marco', 'Luca',
  'James', 'Oliver', 'Jack', 'Harry', 'George', 'Olivia', 'Amelia', 'Isla', 'Ava', 'Mia',
  'João', 'Conceição', 'Gonçalo', 'Inês', 'Tiago', 'Fatima', 'Aisha', 'Omar', 'Yusuf', 'Layla',
]

/** Last-name prefixes a receptionist types (lower case, as a person would, accents or not). */
export const SEARCH_PREFIXES = ['mü', 'sch', 'lu', 'nguy', 'gar', "o'b", 'kow', 'sør', 'ob', 'dvo', 'van', 'pe', 'ko', 'str', 'yil', 'ma', 'hof', 'le', 'ch', 'ze']
