// Building the page from data without ever parsing data as markup: every text goes in through textContent
// (createTextNode), every attribute through setAttribute on a fixed name. No innerHTML anywhere.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

// Article ids may hold slashes: each segment is escaped, the slashes stay, and the server's catch-all route takes them.
export function articleHref(id) {
  return "#article/" + id.split("/").map(encodeURIComponent).join("/");
}

export function articlePath(id) {
  return "api/articles/" + id.split("/").map(encodeURIComponent).join("/");
}
