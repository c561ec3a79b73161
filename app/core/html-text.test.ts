import { describe, expect, it } from 'vitest'
import { collapseWhitespace, decodeEntities, htmlToText } from './html-text'

describe('htmlToText', () => {
  it.each([
    ['<p>Tchap compte <b>375&nbsp;000</b> utilisateurs.</p>', 'Tchap compte 375\u00A0000 utilisateurs.'.replace('\u00A0', '\u00A0')],
    ['<h1>Title</h1><p>Body</p>', 'Title Body'],
    ['<td>Tchap</td><td>220 000</td>', 'Tchap 220 000'],
    ['line<br>break', 'line break'],
    ['2<b>0</b>0 users', '200 users'],
    ['<script>var x = "<p>hidden</p>"</script>visible', 'visible'],
    ['<SCRIPT type="text/javascript">alert(1)</SCRIPT >shown', 'shown'],
    ['<style>p { color: red }</style><p>styled</p>', 'styled'],
    ['<template><p>inert</p></template>kept', 'kept'],
    ['<svg><title>icon</title></svg>text', 'text'],
    ['before<!-- a comment with <p>tags</p> -->after', 'before after'],
    ['<!DOCTYPE html><html><head><title>Page title</title></head><body>x</body></html>', 'Page title x'],
    ['<a href="/x" title="a > b">link</a> text', 'link text'],
    ["<img alt='1 > 2'>after", 'after'],
    ['a < b and c > d', 'a < b and c > d'],
    ['AT&amp;T &lt;tag&gt; &quot;q&quot; &#39;s&#x27; &euro;5 &hellip;', 'AT&T <tag> "q" \'s\' €5 …'],
    ['&laquo;&#8239;plus de 220&#8239;000 inscrits&#8239;&raquo;', '«\u202Fplus de 220\u202F000 inscrits\u202F»'],
    ['&eacute;t&eacute; &Auml;rger &szlig;', 'été Ärger ß'],
    ['&unknownentity; stays', '&unknownentity; stays'],
    ['  lots \n\t of   space  ', 'lots of space'],
  ])('%s', (html, expected) => {
    expect(htmlToText(html)).toBe(collapseWhitespace(expected))
  })

  it('decodes entities only after tags are gone, so an escaped tag stays text', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>')
  })

  it('stops at the end on an unclosed script or comment', () => {
    expect(htmlToText('shown<script>never closed <p>x</p>')).toBe('shown')
    expect(htmlToText('shown<!-- never closed')).toBe('shown')
  })

  it('stays linear on hostile markup', () => {
    // 200,000 unclosed tags and scripts: a quadratic scan would not finish within the test timeout.
    expect(htmlToText('<a'.repeat(200_000)).length).toBe(400_000)
    expect(htmlToText('<script>'.repeat(100_000))).toBe('')
    expect(htmlToText('<a title="'.repeat(100_000)).length).toBeGreaterThan(0)
  })
})

describe('decodeEntities', () => {
  it.each([
    ['&#0;', '\uFFFD'],
    ['&#xD800;', '\uFFFD'],
    ['&#x110000;', '\uFFFD'],
    ['&#x1F600;', '😀'],
    ['&amp', '&'],
    ['&eacute', 'é'],
    ['&hellip', '&hellip'],
    ['&ndash;&mdash;&minus;', '–—−'],
    ['no entities', 'no entities'],
  ])('%s → %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected)
  })
})
