// Enter sends, Shift+Enter adds a line (IME composition is left alone).
export function enterSends(inputId, buttonId) {
    const input = document.getElementById(inputId);
    if (!input || input.dataset.enterSends) {
        return;
    }
    input.dataset.enterSends = "1";
    input.addEventListener("keydown", e => {
        if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            // Let the bound value catch up with the last keystroke before sending.
            input.dispatchEvent(new Event("change", { bubbles: true }));
            setTimeout(() => document.getElementById(buttonId)?.click(), 0);
        }
    });
}
