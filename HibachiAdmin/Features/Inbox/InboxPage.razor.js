// Inbox keys outside text fields: j/k next/previous conversation, r reply box, / search.
let handler = null;

export function shortcuts() {
    dispose();
    handler = e => {
        const target = e.target;
        if (e.ctrlKey || e.metaKey || e.altKey || (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName)))) {
            return;
        }
        const rows = [...document.querySelectorAll("[data-testid=thread-list] .inbox-row")];
        const current = rows.findIndex(r => r.classList.contains("selected"));
        if (e.key === "j" || e.key === "k") {
            const next = rows[e.key === "j" ? Math.min(rows.length - 1, current + 1) : Math.max(0, current - 1)];
            if (next) {
                e.preventDefault();
                next.click();
            }
        } else if (e.key === "r") {
            const box = document.querySelector("textarea[data-testid=reply-text], [data-testid=reply-text] textarea");
            if (box) {
                e.preventDefault();
                box.focus();
            }
        } else if (e.key === "/") {
            const search = document.querySelector("input[data-testid=inbox-search], [data-testid=inbox-search] input");
            if (search) {
                e.preventDefault();
                search.focus();
            }
        }
    };
    document.addEventListener("keydown", handler);
}

export function dispose() {
    if (handler) {
        document.removeEventListener("keydown", handler);
        handler = null;
    }
}
