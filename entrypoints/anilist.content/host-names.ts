/** Tag names of the extension's shadow hosts start with this; every MountRequest.name does. */
export const HOST_TAG_PREFIX = 'sequel-finder-';

/** Tells whether a node is one of the extension's shadow hosts. */
export function isOwnHost(node: Node): boolean {
  return node instanceof Element && node.localName.startsWith(HOST_TAG_PREFIX);
}
