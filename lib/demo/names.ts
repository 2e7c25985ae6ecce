// Name tables for the demo organisation: given and family names grouped by naming culture, so a
// generated person's name, alternative spellings and time zone stay plausible together. The
// spread is deliberate: the identity matcher must cope with diacritics, hyphens, particles
// ("van Dijk"), apostrophes and family-name-first orders.

export interface NameCulture {
  id: string;
  given: readonly string[];
  family: readonly string[];
  /** Where people of this culture often live; mixed with their unit's offices. */
  timezones: readonly string[];
  /** Whether the name is also written family name first (an alias worth listing). */
  familyFirst?: boolean;
}

export const NAME_CULTURES: readonly NameCulture[] = [
  {
    id: 'anglo-irish',
    given: ['Oliver', 'Amelia', 'Thomas', 'Charlotte', 'James', 'Eleanor', 'William', 'Katherine'],
    family: [
      'Whitfield',
      'Hughes',
      'Fletcher',
      "O'Connor",
      'Brennan',
      'Walsh',
      'Harrison',
      'Doyle',
    ],
    timezones: ['Europe/London', 'Europe/Dublin'],
  },
  {
    id: 'irish',
    given: ['Siobhán', 'Ciarán', 'Niamh', 'Aoife', 'Seán', 'Róisín', 'Daniel', 'Elizabeth'],
    family: ['Kavanagh', 'Murphy', 'Ó Súilleabháin', 'Byrne', 'Gallagher', 'Nolan', 'Quinn'],
    timezones: ['Europe/Dublin'],
  },
  {
    id: 'german',
    given: ['Jonas', 'Lena', 'Felix', 'Anna', 'Lukas', 'Sophie', 'Matthias', 'Jürgen', 'Katrin'],
    family: ['Schäfer', 'Becker', 'Hoffmann', 'Weiß', 'Krüger', 'Schröder', 'Neumann', 'Vogel'],
    timezones: ['Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich'],
  },
  {
    id: 'polish',
    given: ['Małgorzata', 'Katarzyna', 'Paweł', 'Agnieszka', 'Tomasz', 'Zofia', 'Michał', 'Piotr'],
    family: ['Nowak', 'Mazur', 'Krawczyk', 'Kaczmarek', 'Zając', 'Wójcik', 'Pawlak', 'Sikora'],
    timezones: ['Europe/Warsaw'],
  },
  {
    id: 'spanish',
    given: ['María', 'Carmen', 'Javier', 'Lucía', 'Alejandro', 'Sofía', 'Andrés', 'Francisco'],
    family: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Ortega', 'Navarro'],
    timezones: ['Europe/Madrid', 'America/Mexico_City', 'America/Bogota'],
  },
  {
    id: 'portuguese',
    given: ['João', 'Ana', 'Beatriz', 'Thiago', 'Camila', 'Gonçalo', 'Inês', 'Mariana'],
    family: ['Santos', 'Ferreira', 'Costa', 'Pereira', 'Almeida', 'Carvalho', 'Gonçalves', 'Rocha'],
    timezones: ['Europe/Lisbon', 'America/Sao_Paulo'],
  },
  {
    id: 'french',
    given: ['Chloé', 'Mathieu', 'Léa', 'Antoine', 'Camille', 'Julien', 'Élodie', 'Théo'],
    family: ['Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Rousseau', 'Fontaine', 'Mercier'],
    timezones: ['Europe/Paris', 'America/Toronto'],
  },
  {
    id: 'nordic',
    given: ['Lars', 'Sigrid', 'Björn', 'Freja', 'Søren', 'Maja', 'Henrik', 'Linnéa'],
    family: ['Johansson', 'Nielsen', 'Eriksson', 'Andersen', 'Håkansson', 'Sørensen', 'Berg'],
    timezones: ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo'],
  },
  {
    id: 'dutch',
    given: ['Daan', 'Sanne', 'Bram', 'Femke', 'Joost', 'Lotte', 'Pieter', 'Anouk'],
    family: ['de Vries', 'van Dijk', 'Jansen', 'Visser', 'Smit', 'Meijer', 'de Jong', 'Mulder'],
    timezones: ['Europe/Amsterdam'],
  },
  {
    id: 'west-african',
    given: ['Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Ama', 'Emeka', 'Folake', 'Kofi', 'Abena'],
    family: ['Adeyemi', 'Okonkwo', 'Boateng', 'Balogun', 'Eze', 'Owusu', 'Nwosu', 'Adebayo'],
    timezones: ['Africa/Lagos', 'Africa/Accra', 'Europe/London'],
  },
  {
    id: 'indian',
    given: ['Ananya', 'Rahul', 'Kavya', 'Vikram', 'Deepika', 'Sanjay', 'Meera', 'Karthik', 'Aditi'],
    family: ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Krishnan', 'Banerjee', 'Desai'],
    timezones: ['Asia/Kolkata', 'Europe/London', 'America/Toronto'],
  },
  {
    id: 'chinese',
    given: ['Wei', 'Jun', 'Xiaoling', 'Hao', 'Yan', 'Zhiwei', 'Jing', 'Lei', 'Ying'],
    family: ['Zhang', 'Wang', 'Liu', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Lin', 'Xu'],
    timezones: ['Asia/Shanghai', 'Asia/Singapore', 'Asia/Hong_Kong'],
    familyFirst: true,
  },
  {
    id: 'japanese',
    given: ['Yuki', 'Haruto', 'Aiko', 'Kenji', 'Sakura', 'Takumi', 'Emi', 'Naoko'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kato'],
    timezones: ['Asia/Tokyo'],
    familyFirst: true,
  },
  {
    id: 'korean',
    given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yun', 'Ji-woo', 'Seung-hoon', 'Soo-ah'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon'],
    timezones: ['Asia/Seoul'],
    familyFirst: true,
  },
  {
    id: 'arabic',
    given: ['Omar', 'Layla', 'Youssef', 'Nour', 'Karim', 'Rania', 'Tariq', 'Samira', 'Hassan'],
    family: ['Khoury', 'Mansour', 'Nasser', 'Saleh', 'Farouk', 'Aziz', 'Hamdan', 'El-Amin'],
    timezones: ['Asia/Dubai', 'Africa/Cairo', 'Europe/London'],
  },
  {
    id: 'turkish',
    given: ['Elif', 'Emre', 'Zeynep', 'Mehmet', 'Ayşe', 'Burak', 'Selin', 'Deniz', 'Kerem'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Aydın', 'Öztürk', 'Arslan'],
    timezones: ['Europe/Istanbul'],
  },
  {
    id: 'vietnamese',
    given: ['Minh', 'Linh', 'Quang', 'Thảo', 'Huy', 'Trang', 'Dũng', 'Hương'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'],
    timezones: ['Asia/Ho_Chi_Minh'],
    familyFirst: true,
  },
  {
    id: 'ukrainian',
    given: ['Olena', 'Mykola', 'Iryna', 'Andriy', 'Yulia', 'Oleksandr', 'Kateryna', 'Taras'],
    family: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachuk', 'Melnyk', 'Kravchuk', 'Boyko'],
    timezones: ['Europe/Kyiv', 'Europe/Warsaw'],
  },
];

/** Short forms people actually go by; listed as aliases so "Kasia Nowak" finds Katarzyna. */
export const NICKNAMES: Readonly<Record<string, string>> = {
  Katherine: 'Kate',
  William: 'Will',
  Elizabeth: 'Liz',
  Thomas: 'Tom',
  Daniel: 'Dan',
  James: 'Jim',
  Francisco: 'Paco',
  Alejandro: 'Álex',
  Javier: 'Javi',
  Małgorzata: 'Gosia',
  Katarzyna: 'Kasia',
  Tomasz: 'Tomek',
  Oluwaseun: 'Seun',
  Chinedu: 'Nedu',
  Mykola: 'Kolya',
  Oleksandr: 'Sasha',
  Beatriz: 'Bia',
  Matthias: 'Matze',
  Gonçalo: 'Gonça',
  Seán: 'Shaun',
};

/** Hepburn long vowels: "Sato" is often written "Satō" in the same directory. */
export const LONG_VOWEL_SPELLINGS: Readonly<Record<string, string>> = {
  Sato: 'Satō',
  Ito: 'Itō',
  Kato: 'Katō',
};

// Letters that Unicode does not decompose into base letter + mark, so NFD alone misses them.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  ı: 'i',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
};

/** "Łukasz Wróblewski" → "Lukasz Wroblewski": the spelling people type on ASCII keyboards. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØıđĐßæÆœ]/g, (letter) => UNDECOMPOSABLE[letter] ?? letter);
}

/** Lower-case ASCII letters and digits only: the raw material of logins and email addresses. */
export function loginPart(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
