/** One error code: its HTTP status and its message in Bahasa Indonesia and English. */
export interface CatalogEntry {
  status: number;
  id: string;
  en: string;
}
