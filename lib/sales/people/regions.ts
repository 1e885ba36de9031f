/** The 17 first-level administrative divisions (시/도) that salesmen cover. */
export const REGIONS = [
  '서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종',
  '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주',
] as const;

export type Region = (typeof REGIONS)[number];
