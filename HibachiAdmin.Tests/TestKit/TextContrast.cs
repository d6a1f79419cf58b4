using Microsoft.Playwright;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// WCAG 2.1 AA text contrast (1.4.3), computed in the page as the browser renders it: every visible text's colour
/// against the background it sits on (the element's and its ancestors' background colours composited, white
/// under all), 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold). Disabled controls are exempt, as WCAG
/// exempts inactive interface parts; text over an image and SVG chart labels are not judged here.
/// </summary>
public static class TextContrast
{
    private const string Script = """
        () => {
          const parse = c => { const m = /rgba?\(([^)]+)\)/.exec(c || ''); if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const blend = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = el => {
            const layers = [];
            for (let e = el; e; e = e.parentElement) {
              const s = getComputedStyle(e);
              if (s.backgroundImage && s.backgroundImage !== 'none' && !s.backgroundImage.startsWith('linear-gradient(rgba(0, 0, 0, 0)')) return null;
              const c = parse(s.backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            let bg = { r: 255, g: 255, b: 255, a: 1 };
            for (let i = layers.length - 1; i >= 0; i--) bg = blend(layers[i], bg);
            return bg;
          };
          const failures = [];
          const seen = new Set();
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const text = walker.currentNode.textContent.trim();
            const el = walker.currentNode.parentElement;
            if (!text || !el || seen.has(el) || el instanceof SVGElement || el.closest('svg, script, style, noscript, template')) continue;
            seen.add(el);
            const s = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            if (s.visibility !== 'visible' || box.width === 0 || box.height === 0) continue;
            if (el.closest('[disabled], .mud-disabled, [aria-disabled=true], [aria-hidden=true]')) continue;
            let opacity = 1;
            for (let e = el; e; e = e.parentElement) opacity *= parseFloat(getComputedStyle(e).opacity);
            if (opacity === 0) continue;
            const bg = background(el);
            let fg = parse(s.color);
            if (!bg || !fg) continue;
            fg = blend({ ...fg, a: fg.a * opacity }, bg);
            const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
            const ratio = (hi + 0.05) / (lo + 0.05);
            const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) {
              failures.push(`"${text.slice(0, 40)}" ${ratio.toFixed(2)}:1 (needs ${needed}:1) ${s.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)}) <${el.tagName.toLowerCase()} class="${el.className}">`);
            }
          }
          return failures;
        }
        """;

    /// <summary>Every text on the current page that fails AA contrast, described (text, ratio, colours, element).</summary>
    public static async Task<IReadOnlyList<string>> FailuresAsync(IPage page) => await page.EvaluateAsync<string[]>(Script);
}
