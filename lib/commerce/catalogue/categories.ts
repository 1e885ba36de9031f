/**
 * The shop's 19 product categories, named as the seed names them (seed 002). Events,
 * the generator's price rules and the dashboard all use this list.
 */
export const CATEGORIES = [
  'SS(봄여름)',
  'FW(가을겨울)',
  '스킨케어',
  '기능성(안티에이징)',
  '신선(과일/채소)',
  '육류/가공',
  '생활가전',
  'IT/게이밍',
  '세제/위생',
  '화지/제지',
  '건강식품',
  '영양제',
  '소파/침대',
  '사무/학생',
  '골프',
  '캠핑',
  '항공',
  '숙박',
  '티켓/패스',
] as const;

export type Category = (typeof CATEGORIES)[number];

export const GRADES = ['BRONZE', 'SILVER', 'GOLD', 'VIP'] as const;
export type Grade = (typeof GRADES)[number];

export const PAYMENT_METHODS = ['Card', 'NaverPay', 'KakaoPay', 'Bank'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Age groups of the seed's propensity and payment tables: 10대 .. 50대이상. */
export const AGE_GROUPS = ['10대', '20대', '30대', '40대', '50대이상'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroupOf(age: number): AgeGroup {
  if (age < 20) return '10대';
  if (age < 30) return '20대';
  if (age < 40) return '30대';
  if (age < 50) return '40대';
  return '50대이상';
}
