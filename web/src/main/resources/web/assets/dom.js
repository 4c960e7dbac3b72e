/*
 * Building DOM safely. Every string that comes from the data (names, addresses, phone numbers,
 * even layer titles) reaches the page through these helpers as a text node, never as HTML: a
 * station called "<img src=x onerror=alert(1)>" must show exactly those characters.
 */
(function (Lilong) {
  'use strict';

  /**
   * el('p', {className: 'x', text: 'hello', attrs: {title: '...'}, on: {click: fn}}, child, ...)
   * Children may be nodes, strings (become text nodes) or null/undefined/false (skipped).
   */
  function el(tag, options, ...children) {
    const node = document.createElement(tag);
    const opts = options || {};
    if (opts.className) {
      node.className = opts.className;
    }
    if (opts.text !== undefined && opts.text !== null) {
      node.textContent = String(opts.text);
    }
    if (opts.attrs) {
      Object.keys(opts.attrs).forEach((name) => {
        const value = opts.attrs[name];
        if (value !== undefined && value !== null && value !== false) {
          node.setAttribute(name, value === true ? '' : String(value));
        }
      });
    }
    if (opts.dataset) {
      Object.keys(opts.dataset).forEach((key) => {
        node.dataset[key] = String(opts.dataset[key]);
      });
    }
    if (opts.on) {
      Object.keys(opts.on).forEach((type) => node.addEventListener(type, opts.on[type]));
    }
    append(node, children);
    return node;
  }

  function append(parent, children) {
    children.forEach((child) => {
      if (child === undefined || child === null || child === false) {
        return;
      }
      if (Array.isArray(child)) {
        append(parent, child);
      } else if (child instanceof Node) {
        parent.appendChild(child);
      } else {
        parent.appendChild(document.createTextNode(String(child)));
      }
    });
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  /**
   * For the one Leaflet API that only takes HTML, the attribution control: the text is escaped so
   * that it still shows literally.
   */
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({
      '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
    })[c]);
  }

  /** A tel: link target, or null when the value is no phone number; only digits and + survive. */
  function telHref(phone) {
    const digits = String(phone).replace(/[^0-9+]/g, '');
    return (digits.match(/[0-9]/g) || []).length >= 3 ? 'tel:' + digits : null;
  }

  /** A phone number as a tel: link (text shown verbatim), or as plain text when it isn't dialable. */
  function phoneNode(phone, className) {
    const href = telHref(phone);
    return href
      ? el('a', { className: className, text: phone, attrs: { href: href } })
      : el('span', { className: className, text: phone });
  }

  /** A CSS class token made from a data value (category ids, stage codes), safe for classList. */
  function classToken(value) {
    return String(value).replace(/[^A-Za-z0-9_-]/g, '_');
  }

  Lilong.dom = { el, clear, escapeHtml, telHref, phoneNode, classToken };
})(window.Lilong);
