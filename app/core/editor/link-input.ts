/** "example.org/x" → "https://example.org/x"; an address with its scheme stays as typed. */
export function normaliseLinkInput(input: string): string {
  const value = input.trim()
  if (value === '' || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`
  return `https://${value.replace(/^\/\/+/, '')}`
}
