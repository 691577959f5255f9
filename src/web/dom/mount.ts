// VNode (../vnode.ts) → DOM elements. Text goes in as text nodes: nothing people typed is parsed as HTML.
import type { Child } from '../vnode';

export function mount(n: Child): Node {
  if (typeof n === 'string') return document.createTextNode(n);
  const e = document.createElement(n.tag);
  for (const [k, v] of Object.entries(n.attrs)) e.setAttribute(k, v);
  for (const c of n.children) e.appendChild(mount(c));
  if (n.value !== undefined && e instanceof HTMLTextAreaElement) {
    e.value = n.value;
    e.defaultValue = n.value;
  }
  return e;
}
