// HibachiAdmin alerts: shows a pushed alert as a notification and opens its page when clicked.
self.addEventListener("push", event => {
    let data = {};
    try {
        data = event.data ? event.data.json() : {};
    } catch {
        data = { title: event.data ? event.data.text() : "New alert" };
    }
    event.waitUntil(self.registration.showNotification(data.title || "New alert", {
        body: data.body || "",
        tag: data.tag || "hibachi-alerts",
        renotify: true,
        icon: "assets/logo.svg",
        data: { url: data.url || "alerts" },
    }));
});

self.addEventListener("notificationclick", event => {
    event.notification.close();
    const url = new URL(event.notification.data && event.notification.data.url || "alerts", self.registration.scope).href;
    event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(windows => {
        for (const w of windows) {
            if (w.url.startsWith(self.registration.scope) && "focus" in w) {
                w.navigate(url);
                return w.focus();
            }
        }
        return self.clients.openWindow(url);
    }));
});
