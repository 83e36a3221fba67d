/* Версия для слабовидящих: remembers the settings across pages.
 *
 * The settings are radio buttons in the header (partials/head.html); the
 * stylesheet applies them with :has(), so they work without this script on
 * the current page.  This script only adds comfort: it stores the choice in
 * localStorage, restores it on every page before the content is painted (it is
 * loaded synchronously right after the form), and mirrors it as classes on
 * <html> (vi-scheme-wb …, vi-hc for any high-contrast scheme) for browsers
 * without :has().  It also shows the text alternative of images when images
 * are turned off.
 */
(function () {
	"use strict";
	var KEY = "roadmap-vi";
	var GROUPS = { size: "normal", scheme: "normal", img: "on", spacing: "normal" };
	var root = document.documentElement;
	var form = document.getElementById("vi-form");
	if (!form) return;

	/* The stored settings, {} when none, null when storage is not available. */
	function load() {
		var text;
		try {
			text = window.localStorage.getItem(KEY);
		} catch (e) {
			return null;
		}
		try {
			var s = JSON.parse(text || "{}");
			return s && typeof s === "object" ? s : {};
		} catch (e) {
			return {};
		}
	}
	function save(state) {
		try {
			var custom = false;
			for (var g in GROUPS) if (state[g] !== GROUPS[g]) custom = true;
			if (custom) window.localStorage.setItem(KEY, JSON.stringify(state));
			else window.localStorage.removeItem(KEY);
		} catch (e) { /* storage disabled: the settings still work on this page */ }
	}
	function current() {
		var state = {};
		for (var g in GROUPS) {
			var checked = form.querySelector('input[name="vi-' + g + '"]:checked');
			state[g] = checked ? checked.value : GROUPS[g];
		}
		return state;
	}
	/* Mirror the state as classes vi-size-large, vi-scheme-wb … on <html>. */
	function mirror(state) {
		var keep = root.className.split(/\s+/).filter(function (c) { return c && c.indexOf("vi-") !== 0; });
		for (var g in GROUPS) if (state[g] !== GROUPS[g]) keep.push("vi-" + g + "-" + state[g]);
		if (state.scheme !== GROUPS.scheme) keep.push("vi-hc");
		root.className = keep.join(" ");
	}
	function restore() {
		var saved = load();
		if (saved === null) { mirror(current()); return; }
		for (var g in GROUPS) {
			var value = typeof saved[g] === "string" ? saved[g] : GROUPS[g];
			var input = document.getElementById("vi-" + g + "-" + value);
			if (input && input.name === "vi-" + g) input.checked = true;
		}
		mirror(current());
	}

	restore();
	var note = document.getElementById("vi-note-js");
	if (note) note.hidden = false;
	form.addEventListener("change", function () {
		var state = current();
		mirror(state);
		save(state);
	});
	/* «Применить»: the choice already applies as it is made; the button
	   stores it and folds the panel.  (Without JavaScript the form's method
	   is "dialog", so the button leaves the page as it is, settings applied.) */
	form.addEventListener("submit", function (e) {
		e.preventDefault();
		var state = current();
		mirror(state);
		save(state);
		var panel = document.getElementById("vi");
		if (panel) {
			panel.open = false;
			var summary = panel.querySelector("summary");
			if (summary) summary.focus();
		}
	});
	form.addEventListener("reset", function () {
		/* The form resets its controls after this event; read them then. */
		window.setTimeout(function () {
			var state = current();
			mirror(state);
			save(state);
		}, 0);
	});
	/* Another tab changed the settings: follow it. */
	window.addEventListener("storage", function (e) {
		if (e.key === KEY || e.key === null) restore();
	});
	/* Back/forward cache or form-state restoration may bring back old radios. */
	window.addEventListener("pageshow", restore);

	/* Images off: show each image's or chart's text alternative in its place
	   (hidden while images are shown, so it is never read twice). */
	function altTexts() {
		var imgs = document.querySelectorAll('main img[alt], main svg[role="img"][aria-label]');
		for (var i = 0; i < imgs.length; i++) {
			var isImg = imgs[i].tagName.toLowerCase() === "img";
			var alt = imgs[i].getAttribute(isImg ? "alt" : "aria-label");
			if (!alt || (imgs[i].nextSibling && imgs[i].nextSibling.className === "img-alt")) continue;
			var span = document.createElement("span");
			span.className = "img-alt";
			span.textContent = (isImg ? "Изображение: " : "Диаграмма: ") + alt;
			imgs[i].parentNode.insertBefore(span, imgs[i].nextSibling);
		}
	}
	if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", altTexts);
	else altTexts();
}());
