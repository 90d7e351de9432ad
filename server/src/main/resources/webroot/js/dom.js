// DOM helpers for every page. Values from the server go in as text, never as markup.

export const $ = (id) => document.getElementById(id);

/** A new element with its text (when not null) and attributes, e.g. el('td', 3, { class: 'num' }). */
export const el = (tag, text, attrs = {}) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, value);
  }
  return node;
};

/** A table row of text cells, then the optional action (a button) in a cell of its own. */
export const row = (cells, action) => {
  const tr = el('tr');
  for (const value of cells) {
    tr.append(el('td', value === null || value === undefined ? '' : value));
  }
  if (action) {
    const td = el('td');
    td.append(action);
    tr.append(td);
  }
  return tr;
};

/** Puts the text in the node and shows it, or hides the node when the text is empty. */
export const show = (node, text) => {
  node.textContent = text || '';
  node.hidden = !text;
};

/** Puts the text (or nothing) in the element of that id, and answers the element. */
export const setText = (id, text) => {
  const node = $(id);
  node.textContent = text || '';
  return node;
};
