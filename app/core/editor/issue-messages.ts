import { formatNumber } from '#app/core/format'
import type { EditorTranslate } from '#app/core/i18n/editor-messages'
import type { Lang } from '#app/core/lang'
import type { Issue } from '#app/core/result'

/**
 * Says why the server refused a save in the editor's language. The validator's messages are
 * English (the JSON API answers with them); each issue also names the rule it breaks
 * (`params.rule`), and that is what is translated here. An issue without a known rule keeps its
 * English message: those come from documents the editor cannot make (unknown node types…).
 */
export function localiseIssue(issue: Issue, t: EditorTranslate, lang: Lang): Issue {
  const message = localMessage(issue, t, lang)
  return message === null ? issue : { ...issue, message }
}

function localMessage(issue: Issue, t: EditorTranslate, lang: Lang): string | null {
  const rule = issue.params?.rule
  const limit = formatNumber(lang, issue.params?.limit ?? 0)
  const last = issue.path.split('.').at(-1)
  switch (rule) {
    case 'too_short':
      if (last === 'name') return t('editor.issue.nameMissing')
      if (issue.path.startsWith('categories.')) return t('editor.issue.categoryEmpty')
      return t('editor.issue.tooShort', { limit })
    case 'too_long':
      return t('editor.issue.tooLong', { limit })
    case 'too_many':
      return t('editor.issue.tooMany', { limit })
    case 'unknown_language':
      return t('editor.issue.unknownLanguage')
    case 'control_character':
      return t('editor.issue.controlCharacter')
    case 'web_url':
      return t('editor.issue.webUrl')
    case 'spdx':
      return t('editor.issue.spdx')
    case 'link_scheme':
      return t('editor.issue.linkScheme')
    case 'as_of':
      return t('editor.issue.asOf')
    case 'as_of_calendar':
      return t('editor.issue.asOfCalendar')
    case 'as_of_future':
      return t('editor.issue.asOfFuture')
    case 'as_of_after_source':
      return t('editor.issue.asOfAfterSource')
    case 'product_ref':
      return t('editor.issue.productRef')
    case 'too_deep':
      return t('editor.issue.tooDeep', { limit })
    case 'too_many_nodes':
      return t('editor.issue.tooManyNodes', { limit })
    case 'too_much_text':
      return t('editor.issue.tooMuchText', { limit })
    case 'broken_character':
      return t('editor.issue.brokenCharacter')
    case 'invalid_json':
      return t('editor.issue.invalidJson')
    default:
      return null
  }
}
