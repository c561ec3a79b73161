/** How long ago something happened, in the largest whole unit that reads naturally ("3 hours", "12 days"). */
export interface Elapsed {
  unit: 'minutes' | 'hours' | 'days'
  n: number
}

export function elapsed(fromIso: string, now: Date): Elapsed {
  const ms = Math.max(0, now.getTime() - new Date(fromIso).getTime())
  const minutes = Math.floor(ms / 60_000)
  if (Number.isNaN(minutes)) return { unit: 'minutes', n: 0 }
  if (minutes < 60) return { unit: 'minutes', n: minutes }
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return { unit: 'hours', n: hours }
  return { unit: 'days', n: Math.floor(hours / 24) }
}
