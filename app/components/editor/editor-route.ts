import type { ClientLoaderFunctionArgs } from '@remix-run/react'
import { loadEditorMessages } from '#app/core/i18n/editor-messages'
import { isLang, type Lang } from '#app/core/lang'

/**
 * What an edit route exports so that the editor's strings of the page's language are there
 * before the editor renders (decision 035): `handle` tells entry.client.tsx to load them before
 * hydrating; `clientLoader` loads them alongside the route's data on a client-side navigation.
 */
export const EDITOR_ROUTE_HANDLE = { editorStrings: true } as const

export function routesNeedEditorStrings(modules: Record<string, { handle?: unknown } | undefined>): boolean {
  return Object.values(modules).some((module) => (module?.handle as { editorStrings?: unknown } | undefined)?.editorStrings === true)
}

export function documentLang(): Lang {
  const lang = document.documentElement.lang
  return isLang(lang) ? lang : 'en'
}

export async function clientLoaderWithEditorStrings({ serverLoader }: ClientLoaderFunctionArgs): Promise<unknown> {
  const [data] = await Promise.all([serverLoader(), loadEditorMessages(documentLang())])
  return data
}
