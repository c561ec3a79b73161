import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import {
  BadgeCheck,
  BetweenHorizontalEnd,
  BetweenVerticalEnd,
  Bold,
  Columns3,
  Ellipsis,
  Grid2x2X,
  Heading2,
  Heading3,
  Heading4,
  Italic,
  Link,
  List,
  ListOrdered,
  Quote,
  Redo2,
  Rows3,
  Strikethrough,
  Superscript,
  Table,
  Undo2,
  type LucideIcon,
} from 'lucide-react'
import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react'
import type { EditorMessageKey } from '#app/core/i18n/editor-messages'
import { ariaShortcut, SHORTCUTS } from './shortcuts-extension'
import { useEditorT } from './use-editor-t'

export interface ToolbarHandle {
  /** Moves focus to the toolbar (Alt+F10), on the button used last. */
  focus(): void
}

interface Tool {
  id: string
  label: EditorMessageKey
  icon: LucideIcon
  run: (editor: Editor) => void
  /** Toggle buttons report their state with aria-pressed. */
  active?: (editor: Editor) => boolean
  enabled?: (editor: Editor) => boolean
  shortcut?: string
}

interface ToolGroup {
  label: EditorMessageKey
  tools: Tool[]
  /** On a narrow toolbar the group leaves the row for the "more" menu, so the row stays one line. */
  folds?: boolean
}

const focused = (editor: Editor) => editor.chain().focus()
const HEADING_ICONS = { 2: Heading2, 3: Heading3, 4: Heading4 } as const

function groups(actions: { editLink: () => void; citeFigure: () => void; addFootnote: () => void }): ToolGroup[] {
  return [
    {
      label: 'editor.toolbar.group.text',
      tools: [
        { id: 'bold', icon: Bold, label: 'editor.toolbar.bold', run: (e) => focused(e).toggleBold().run(), active: (e) => e.isActive('bold'), shortcut: 'Mod-b' },
        { id: 'italic', icon: Italic, label: 'editor.toolbar.italic', run: (e) => focused(e).toggleItalic().run(), active: (e) => e.isActive('italic'), shortcut: 'Mod-i' },
        { id: 'strike', icon: Strikethrough, label: 'editor.toolbar.strike', run: (e) => focused(e).toggleStrike().run(), active: (e) => e.isActive('strike'), shortcut: 'Mod-Shift-s' },
        { id: 'link', icon: Link, label: 'editor.toolbar.link', run: () => actions.editLink(), active: (e) => e.isActive('link'), shortcut: SHORTCUTS.editLink },
      ],
    },
    {
      label: 'editor.toolbar.group.blocks',
      folds: true,
      tools: [
        ...([2, 3, 4] as const).map(
          (level): Tool => ({
            id: `h${level}`,
            icon: HEADING_ICONS[level],
            label: `editor.toolbar.heading${level}`,
            run: (e) => focused(e).toggleHeading({ level }).run(),
            active: (e) => e.isActive('heading', { level }),
          }),
        ),
        { id: 'bullets', icon: List, label: 'editor.toolbar.bulletList', run: (e) => focused(e).toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
        { id: 'numbers', icon: ListOrdered, label: 'editor.toolbar.orderedList', run: (e) => focused(e).toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
        { id: 'quote', icon: Quote, label: 'editor.toolbar.blockquote', run: (e) => focused(e).toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
      ],
    },
    {
      label: 'editor.toolbar.group.evidence',
      tools: [
        { id: 'cite', icon: BadgeCheck, label: 'editor.toolbar.citeFigure', run: () => actions.citeFigure(), active: (e) => e.isActive('figure'), shortcut: SHORTCUTS.citeFigure },
        { id: 'footnote', icon: Superscript, label: 'editor.toolbar.footnote', run: () => actions.addFootnote(), shortcut: SHORTCUTS.addFootnote },
      ],
    },
    {
      label: 'editor.toolbar.group.table',
      folds: true,
      tools: [
        { id: 'table', icon: Table, label: 'editor.toolbar.insertTable', run: (e) => focused(e).insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(), enabled: (e) => !e.isActive('table') && e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
        { id: 'row', icon: BetweenHorizontalEnd, label: 'editor.toolbar.addRow', run: (e) => focused(e).addRowAfter().run(), enabled: (e) => e.can().addRowAfter() },
        { id: 'column', icon: BetweenVerticalEnd, label: 'editor.toolbar.addColumn', run: (e) => focused(e).addColumnAfter().run(), enabled: (e) => e.can().addColumnAfter() },
        { id: 'delete-row', icon: Rows3, label: 'editor.toolbar.deleteRow', run: (e) => focused(e).deleteRow().run(), enabled: (e) => e.can().deleteRow() },
        { id: 'delete-column', icon: Columns3, label: 'editor.toolbar.deleteColumn', run: (e) => focused(e).deleteColumn().run(), enabled: (e) => e.can().deleteColumn() },
        { id: 'delete-table', icon: Grid2x2X, label: 'editor.toolbar.deleteTable', run: (e) => focused(e).deleteTable().run(), enabled: (e) => e.can().deleteTable() },
      ],
    },
    {
      label: 'editor.toolbar.group.history',
      tools: [
        { id: 'undo', icon: Undo2, label: 'editor.toolbar.undo', run: (e) => focused(e).undo().run(), enabled: (e) => e.can().undo(), shortcut: 'Mod-z' },
        { id: 'redo', icon: Redo2, label: 'editor.toolbar.redo', run: (e) => focused(e).redo().run(), enabled: (e) => e.can().redo(), shortcut: 'Mod-Shift-z' },
      ],
    },
  ]
}

/**
 * The formatting toolbar, one tab stop (WAI-ARIA toolbar pattern): arrow keys, Home and End move
 * between buttons, Tab leaves. Toggles carry aria-pressed; buttons that cannot act where the
 * cursor is are disabled and skipped. Commands return focus to the text.
 */
export const Toolbar = forwardRef<ToolbarHandle, { editor: Editor; editLink: () => void; citeFigure: () => void; addFootnote: () => void }>(function Toolbar(
  { editor, editLink, citeFigure, addFootnote },
  handle,
) {
  const t = useEditorT()
  const toolGroups = groups({ editLink, citeFigure, addFootnote })
  const tools = toolGroups.flatMap((g) => g.tools)
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      Object.fromEntries(tools.map((tool) => [tool.id, { active: tool.active?.(e) ?? null, enabled: tool.enabled?.(e) ?? true }])) as Record<string, { active: boolean | null; enabled: boolean }>,
  })
  const [current, setCurrent] = useState('bold')
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

  const usableTools = tools.filter((tool) => state[tool.id]?.enabled)
  const tabStop = usableTools.some((tool) => tool.id === current) ? current : usableTools[0]?.id
  const menuId = 'editor-toolbar-more'

  useImperativeHandle(handle, () => ({ focus: () => (tabStop ? buttons.current.get(tabStop)?.focus() : undefined) }), [tabStop])

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    // Buttons folded into the "more" menu on a narrow screen are not in the row's arrow-key order.
    const usable = usableTools.filter((tool) => buttons.current.get(tool.id)?.offsetParent)
    const index = usable.findIndex((tool) => tool.id === (event.target as HTMLElement).dataset.tool)
    if (index < 0) return
    const next =
      event.key === 'ArrowRight' ? usable[(index + 1) % usable.length] : event.key === 'ArrowLeft' ? usable[(index - 1 + usable.length) % usable.length] : event.key === 'Home' ? usable[0] : event.key === 'End' ? usable.at(-1) : undefined
    if (next) {
      event.preventDefault()
      setCurrent(next.id)
      buttons.current.get(next.id)?.focus()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      editor.commands.focus()
    }
  }

  const run = (tool: Tool) => tool.run(editor)
  return (
    <div role="toolbar" aria-label={t('editor.toolbar.label')} aria-controls="page-body-editor" className="editor-toolbar" onKeyDown={move}>
      {toolGroups.map((group) => (
        <div role="group" aria-label={t(group.label)} className={group.folds ? 'editor-toolbar__group editor-toolbar__group--folds' : 'editor-toolbar__group'} key={group.label}>
          {group.tools.map((tool) => {
            const s = state[tool.id] ?? { active: null, enabled: true }
            const Icon = tool.icon
            const shortcut = tool.shortcut ? ariaShortcut(tool.shortcut, mac) : undefined
            return (
              <button
                key={tool.id}
                ref={(el) => {
                  if (el) buttons.current.set(tool.id, el)
                  else buttons.current.delete(tool.id)
                }}
                type="button"
                data-tool={tool.id}
                className="editor-toolbar__button"
                tabIndex={tool.id === tabStop ? 0 : -1}
                aria-label={t(tool.label)}
                title={shortcut ? `${t(tool.label)} (${shortcut})` : t(tool.label)}
                aria-pressed={s.active === null ? undefined : s.active}
                aria-keyshortcuts={shortcut}
                disabled={!s.enabled}
                // Keep the selection in the text when the mouse presses a button.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => {
                  setCurrent(tool.id)
                  run(tool)
                }}
              >
                <Icon aria-hidden="true" size={18} strokeWidth={2.2} />
              </button>
            )
          })}
        </div>
      ))}
      {/* Narrow screens: the folding groups live here, named in words, behind one button. */}
      <button type="button" className="editor-toolbar__button editor-toolbar__more" {...popoverTarget(menuId)} aria-label={t('editor.toolbar.more')} title={t('editor.toolbar.more')} tabIndex={-1} onMouseDown={(event) => event.preventDefault()}>
        <Ellipsis aria-hidden="true" size={18} />
      </button>
      <div id={menuId} {...popover} className="editor-toolbar__menu" role="group" aria-label={t('editor.toolbar.more')}>
        {toolGroups
          .filter((group) => group.folds)
          .map((group) => (
            <div role="group" aria-label={t(group.label)} className="editor-toolbar__menu-group" key={group.label}>
              {group.tools.map((tool) => {
                const s = state[tool.id] ?? { active: null, enabled: true }
                const Icon = tool.icon
                return (
                  <button
                    key={tool.id}
                    type="button"
                    data-menu-tool={tool.id}
                    aria-pressed={s.active === null ? undefined : s.active}
                    disabled={!s.enabled}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={(event) => {
                      ;(event.currentTarget.closest('[popover]') as HTMLElement & { hidePopover?: () => void } | null)?.hidePopover?.()
                      run(tool)
                    }}
                  >
                    <Icon aria-hidden="true" size={16} /> {t(tool.label)}
                  </button>
                )
              })}
            </div>
          ))}
      </div>
    </div>
  )
})

// React 18 does not know the popover attributes; lower-case names pass through to the DOM.
const popover = { popover: 'auto' } as Record<string, string>
const popoverTarget = (id: string) => ({ popovertarget: id }) as Record<string, string>
