// The page's markup as plain data: the renderers (cards.ts) build a tree of VNodes and dom/mount.ts
// turns it into elements. Pure, so a card is tested in Node without a browser. People's text only
// ever becomes a text node (textContent), never HTML.

export type Attr = string | number | boolean | null | undefined;

export interface VNode {
  tag: string;
  /** Attributes as set on the element ('' for a boolean attribute that is present). */
  attrs: Record<string, string>;
  /** The text of a textarea's value (it has no value attribute). */
  value?: string;
  children: Child[];
}

export type Child = VNode | string;

/**
 * `h('p', { className: 'x', text: 'Hi' })`: `text` is the element's text, `className` its class, a
 * false/null/undefined attribute is left out and `true` is a boolean attribute.
 */
export function h(tag: string, attrs?: Record<string, Attr> | null, children?: (Child | null | false)[]): VNode {
  const node: VNode = { tag, attrs: {}, children: [] };
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') node.children.push(String(v));
    else if (k === 'className') node.attrs.class = String(v);
    else if (k === 'value' && tag === 'textarea') node.value = String(v);
    else node.attrs[k] = v === true ? '' : String(v);
  }
  for (const c of children ?? []) if (c) node.children.push(c);
  return node;
}

/** The text a node shows (as textContent would give it). */
export function textOf(n: Child): string {
  return typeof n === 'string' ? n : n.children.map(textOf).join('');
}

/** Every node under `n` (itself included) that `pick` accepts, in document order. */
export function findAll(n: Child, pick: (x: VNode) => boolean): VNode[] {
  if (typeof n === 'string') return [];
  const out = pick(n) ? [n] : [];
  for (const c of n.children) out.push(...findAll(c, pick));
  return out;
}

/** The first node with attribute `name` (and value `value` when given). */
export function find(n: Child, name: string, value?: string): VNode | undefined {
  return findAll(n, (x) => name in x.attrs && (value === undefined || x.attrs[name] === value))[0];
}
