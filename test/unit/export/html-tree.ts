/** A few read-only helpers over parse5's tree (the WHATWG parsing algorithm, as browsers parse). */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type Document = DefaultTreeAdapterMap['document'];

export function parseHtml(html: string): Document {
  return parse(html);
}

function childrenOf(node: Node): Node[] {
  const withContent = node as { content?: Node };
  const own = 'childNodes' in node ? (node.childNodes as Node[]) : [];
  return withContent.content ? [...own, withContent.content] : own;
}

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

/** Every element under `root`, in document order. */
export function elements(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node) => {
    if (isElement(node)) out.push(node);
    childrenOf(node).forEach(visit);
  };
  visit(root);
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(el: Element, cls: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(cls);
}

/** Text content; `skip` leaves out whole subtrees (e.g. the verdict tag inside a highlight). */
export function text(node: Node, skip: (el: Element) => boolean = () => false): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  if (isElement(node) && skip(node)) return '';
  return childrenOf(node)
    .map((child) => text(child, skip))
    .join('');
}

export function byId(root: Node, id: string): Element | undefined {
  return elements(root).find((el) => attr(el, 'id') === id);
}

export function byTag(root: Node, tag: string): Element[] {
  return elements(root).filter((el) => el.tagName === tag);
}

export function byClass(root: Node, cls: string): Element[] {
  return elements(root).filter((el) => hasClass(el, cls));
}
