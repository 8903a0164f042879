import type { Lang } from '@ssr/shared';

/**
 * The language a request asks to be answered in, from `Accept-Language` (RFC 9110): the
 * preferred of Swedish and English by q-value, the earlier on a tie; Swedish when the header
 * is missing or names neither.
 */
export function requestLang(headers: Headers): Lang {
  const header = headers.get('accept-language');
  if (header === null) return 'sv';
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const lang: Lang | undefined = /^en(?:-|$)/.test(tag) ? 'en' : /^sv(?:-|$)/.test(tag) ? 'sv' : undefined;
    if (lang === undefined) continue;
    const weight = params.find((param) => param.startsWith('q='));
    const q = weight === undefined ? 1 : Number(weight.slice(2));
    if (Number.isFinite(q) && q > 0 && (best === undefined || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'sv';
}
