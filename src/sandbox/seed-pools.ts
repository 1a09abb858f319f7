// Word pools for seeded contacts: names in several scripts, phone plans per country, tags, note lines.

/** A name pool of one script; `latin` spells each entry in ASCII, for e-mail addresses. */
export interface NamePool {
  first: readonly (readonly [native: string, latin: string])[]
  last: readonly (readonly [native: string, latin: string])[]
  /** CJK names put the family name first, without a space in Chinese. */
  order: 'given-family' | 'family-given' | 'family-given-joined'
  /** Given names whose family name takes the feminine ending (Russian: Петров -> Петрова). */
  feminine?: { names: readonly string[]; ending: readonly [native: string, latin: string] }
  countries: readonly string[]
  /** Relative frequency of this pool among all contacts. */
  weight: number
}

export const NAME_POOLS: readonly NamePool[] = [
  {
    first: [
      ['José', 'jose'], ['Zoë', 'zoe'], ['François', 'francois'], ['Søren', 'soren'], ['Łukasz', 'lukasz'],
      ['Ângela', 'angela'], ['Chloé', 'chloe'], ['Renée', 'renee'], ['Björn', 'bjorn'], ['Íñigo', 'inigo'],
      ['Noémie', 'noemie'], ['Jürgen', 'jurgen'], ['Sarah', 'sarah'], ['James', 'james'], ['Maria', 'maria'],
      ['Liam', 'liam'], ['Olivia', 'olivia'], ['Noah', 'noah'], ['Emma', 'emma'], ['Priya', 'priya'],
      ['Mateo', 'mateo'], ['Lucía', 'lucia'], ['Ana', 'ana'], ['Kwame', 'kwame'], ['Chiara', 'chiara'],
      ['Mehmet', 'mehmet'], ['Aoife', 'aoife'], ['Thiago', 'thiago'], ['Hannah', 'hannah'], ['David', 'david'],
      ['Léa', 'lea'], ['Oskar', 'oskar'], ['Amélie', 'amelie'], ['Raúl', 'raul'], ['Fatima', 'fatima'],
      ['Jean-Luc', 'jeanluc'], ['Anne-Marie', 'annemarie'],
    ],
    last: [
      ['Müller', 'muller'], ['Johnson', 'johnson'], ['García', 'garcia'], ['Núñez', 'nunez'], ['Schäfer', 'schafer'],
      ['Dubois', 'dubois'], ['Lefèvre', 'lefevre'], ['Kowalski', 'kowalski'], ['Nowak', 'nowak'], ['Rossi', 'rossi'],
      ['Søndergaard', 'sondergaard'], ['Öztürk', 'ozturk'], ['Çelik', 'celik'], ['Silva', 'silva'],
      ['Gonçalves', 'goncalves'], ['Smith', 'smith'], ['Brown', 'brown'], ['Nguyễn', 'nguyen'], ["O'Brien", 'obrien'],
      ['Dvořák', 'dvorak'], ['Van der Berg', 'vandenberg'], ['Mensah', 'mensah'], ['Patel', 'patel'],
      ['Fernández', 'fernandez'], ['Weiß', 'weiss'], ['Håkansson', 'hakansson'], ['Moreau', 'moreau'],
      ['Okafor', 'okafor'], ['Bianchi', 'bianchi'], ['Jensen', 'jensen'],
    ],
    order: 'given-family',
    countries: ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'BR', 'MX', 'PL', 'TR', 'NG', 'IN'],
    weight: 75,
  },
  {
    first: [
      ['Иван', 'ivan'], ['Ольга', 'olga'], ['Дмитрий', 'dmitry'], ['Анна', 'anna'], ['Сергей', 'sergey'],
      ['Наталья', 'natalya'], ['Алексей', 'alexey'], ['Екатерина', 'ekaterina'], ['Юлия', 'yulia'], ['Михаил', 'mikhail'],
    ],
    last: [
      ['Петров', 'petrov'], ['Смирнов', 'smirnov'], ['Иванов', 'ivanov'], ['Кузнецов', 'kuznetsov'],
      ['Волков', 'volkov'], ['Соколов', 'sokolov'], ['Попов', 'popov'], ['Лебедев', 'lebedev'],
    ],
    order: 'given-family',
    feminine: { names: ['Ольга', 'Анна', 'Наталья', 'Екатерина', 'Юлия'], ending: ['а', 'a'] },
    countries: ['RU'],
    weight: 8,
  },
  {
    first: [
      ['محمد', 'mohammed'], ['فاطمة', 'fatima'], ['أحمد', 'ahmed'], ['ليلى', 'layla'], ['عمر', 'omar'],
      ['نور', 'nour'], ['يوسف', 'youssef'], ['مريم', 'maryam'],
    ],
    last: [
      ['العلي', 'alali'], ['حسن', 'hassan'], ['منصور', 'mansour'], ['الشمري', 'alshammari'], ['خليل', 'khalil'],
      ['إبراهيم', 'ibrahim'],
    ],
    order: 'given-family',
    countries: ['AE', 'SA', 'EG'],
    weight: 6,
  },
  {
    first: [['伟', 'wei'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['强', 'qiang'], ['芳', 'fang']],
    last: [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen']],
    order: 'family-given-joined',
    countries: ['CN'],
    weight: 3,
  },
  {
    first: [['健', 'ken'], ['花子', 'hanako'], ['翔太', 'shota'], ['さくら', 'sakura'], ['大輔', 'daisuke']],
    last: [['佐藤', 'sato'], ['山田', 'yamada'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka']],
    order: 'family-given',
    countries: ['JP'],
    weight: 2,
  },
  {
    first: [['민준', 'minjun'], ['서연', 'seoyeon'], ['지훈', 'jihoon'], ['하은', 'haeun']],
    last: [['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi']],
    order: 'family-given-joined',
    countries: ['KR'],
    weight: 1,
  },
  {
    first: [['Γιώργος', 'giorgos'], ['Μαρία', 'maria'], ['Ελένη', 'eleni'], ['Νίκος', 'nikos'], ['Δήμητρα', 'dimitra']],
    last: [['Ιωάννου', 'ioannou'], ['Νικολάου', 'nikolaou'], ['Γεωργίου', 'georgiou'], ['Οικονόμου', 'oikonomou']],
    order: 'given-family',
    countries: ['GR'],
    weight: 5,
  },
  {
    // Thai writes each name without spaces inside it, with vowel signs and tone marks above and below.
    first: [['สมชาย', 'somchai'], ['สมศรี', 'somsri'], ['วิชัย', 'wichai'], ['มาลี', 'malee'], ['ณัฐพล', 'nattapon'], ['กาญจนา', 'kanchana']],
    last: [['ใจดี', 'jaidee'], ['ศรีสุข', 'srisuk'], ['วงศ์สวัสดิ์', 'wongsawat'], ['รัตนพันธ์', 'rattanapan'], ['สุขสวัสดิ์', 'suksawat']],
    order: 'given-family',
    countries: ['TH'],
    weight: 2,
  },
  {
    // Devanagari: its vowel signs are marks that search must keep.
    first: [['राहुल', 'rahul'], ['प्रिया', 'priya'], ['अमित', 'amit'], ['सुनीता', 'sunita'], ['विकास', 'vikas']],
    last: [['शर्मा', 'sharma'], ['वर्मा', 'verma'], ['गुप्ता', 'gupta'], ['सिंह', 'singh']],
    order: 'given-family',
    countries: ['IN'],
    weight: 2,
  },
]

/** Mobile numbering per country: calling code, national prefixes in use, digits after the prefix. */
export const PHONE_PLANS: Readonly<Record<string, { code: string; prefixes: readonly string[]; rest: number }>> = {
  US: { code: '1', prefixes: ['415', '212', '646', '312', '713', '305'], rest: 7 },
  GB: { code: '44', prefixes: ['7700', '7911', '7400'], rest: 6 },
  DE: { code: '49', prefixes: ['151', '160', '170', '176'], rest: 8 },
  FR: { code: '33', prefixes: ['6', '7'], rest: 8 },
  ES: { code: '34', prefixes: ['6', '7'], rest: 8 },
  IT: { code: '39', prefixes: ['320', '347', '333'], rest: 7 },
  BR: { code: '55', prefixes: ['119', '219'], rest: 8 },
  MX: { code: '52', prefixes: ['55', '33', '81'], rest: 8 },
  PL: { code: '48', prefixes: ['50', '60', '69'], rest: 7 },
  TR: { code: '90', prefixes: ['53', '54', '55'], rest: 8 },
  NG: { code: '234', prefixes: ['803', '805', '806'], rest: 7 },
  IN: { code: '91', prefixes: ['98', '99', '70'], rest: 8 },
  RU: { code: '7', prefixes: ['915', '916', '925'], rest: 7 },
  AE: { code: '971', prefixes: ['50', '55'], rest: 7 },
  SA: { code: '966', prefixes: ['50', '55'], rest: 7 },
  EG: { code: '20', prefixes: ['10', '11', '12'], rest: 8 },
  CN: { code: '86', prefixes: ['138', '139', '186'], rest: 8 },
  JP: { code: '81', prefixes: ['90', '80'], rest: 8 },
  KR: { code: '82', prefixes: ['10'], rest: 8 },
  GR: { code: '30', prefixes: ['69'], rest: 8 },
  TH: { code: '66', prefixes: ['81', '89', '95'], rest: 7 },
}

export const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.fr', 'web.de', 'mail.ru', 'example.com', 'proton.me']

export const TAG_POOL = [
  'vip', 'newsletter', 'lead', 'trade-fair-2026', 'customer', 'prospect', 'partner', 'wholesale',
  'support', 'churn-risk', 'beta-tester', 'referral',
]

export const NOTE_LINES = [
  'Called today — interested in Pro plan.',
  'Asked for a quote for 50 seats.',
  'Prefers WhatsApp over e-mail.',
  'Met at the trade fair, follow up in March.',
  'Invoice #2231 paid late; be gentle.',
  'Wants the newsletter in French.',
]
