"use client";
/**
 * Where focus goes back to when a dialog closes. Radix returns it to the element focused when the dialog
 * opened — but a dialog opened from a dropdown menu item was opened from an element that unmounts with the
 * menu, and one whose field has autoFocus was "opened" from that field — either way focus fell to <body>
 * and keyboard users lost their place. This remembers the menu's trigger (the button that opened the
 * menu), or the button focused before the dialog.
 */
import { useCallback, useRef } from "react";

function openerOf(active: Element | null): HTMLElement | null {
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  // A menu names its trigger in aria-labelledby (aria-controls goes as the menu closes).
  const menu = active.closest<HTMLElement>('[role="menu"]');
  const trigger = menu?.getAttribute("aria-labelledby");
  return (trigger && document.getElementById(trigger)) || active;
}

/**
 * The last few elements that had focus, menu items already mapped to their trigger. A field with
 * autoFocus takes focus as the dialog renders, before Radix asks where focus was; this remembers the
 * button that had it just before.
 */
const recent: HTMLElement[] = [];
if (typeof document !== "undefined") {
  document.addEventListener(
    "focusin",
    (event) => {
      const opener = openerOf(event.target as Element | null);
      if (!opener || recent[recent.length - 1] === opener) return;
      recent.push(opener);
      if (recent.length > 8) recent.shift();
    },
    true,
  );
}

/** What opened `content`: the focused element when it is outside, else the latest one focused outside. */
function openerFor(content: Element | null): HTMLElement | null {
  const active = openerOf(document.activeElement);
  if (content && active && !content.contains(active)) return active;
  for (let i = recent.length - 1; i >= 0; i--) {
    const candidate = recent[i];
    if (candidate.isConnected && !content?.contains(candidate)) return candidate;
  }
  return null;
}

type FocusHandler = (event: Event) => void;

/**
 * The content's `onOpenAutoFocus` / `onCloseAutoFocus`: remember the opener as the content mounts (focus is
 * still on it then) and focus it again on close when it is still on the page.
 */
export function useReturnFocus({ onOpenAutoFocus, onCloseAutoFocus }: { onOpenAutoFocus?: FocusHandler; onCloseAutoFocus?: FocusHandler }) {
  const opener = useRef<HTMLElement | null>(null);
  const onOpen = useCallback(
    (event: Event) => {
      opener.current = openerFor(event.currentTarget instanceof Element ? event.currentTarget : null);
      onOpenAutoFocus?.(event);
    },
    [onOpenAutoFocus],
  );
  const onClose = useCallback(
    (event: Event) => {
      onCloseAutoFocus?.(event);
      // Radix skips onOpenAutoFocus when a field inside took focus first (autoFocus): then the latest element
      // focused that is still on the page — the dialog's own fields are gone by now — is what opened it.
      const target = opener.current ?? openerFor(null);
      opener.current = null;
      if (event.defaultPrevented || !target?.isConnected) return;
      event.preventDefault();
      target.focus();
    },
    [onCloseAutoFocus],
  );
  return { onOpenAutoFocus: onOpen, onCloseAutoFocus: onClose };
}
