// Browser push for alerts: the service worker, the permission and the subscription live here; the page stores the
// subscription through its own signed-in circuit.
function keyBytes(base64url) {
    const padded = (base64url + "===".slice((base64url.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(padded), c => c.charCodeAt(0));
}

export async function state() {
    if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) {
        return { supported: false, permission: "unsupported", subscribed: false };
    }
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = registration ? await registration.pushManager.getSubscription() : null;
    return { supported: true, permission: Notification.permission, subscribed: !!subscription };
}

export async function enable(publicKey) {
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
        return { error: permission === "denied" ? "This browser blocks notifications for this site; allow them in its settings." : "Notifications were not allowed." };
    }
    const registration = await navigator.serviceWorker.register("alerts-sw.js");
    await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.getSubscription()
        || await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    return { subscription: JSON.stringify(subscription.toJSON()) };
}

export async function disable() {
    const registration = await navigator.serviceWorker.getRegistration();
    const subscription = registration ? await registration.pushManager.getSubscription() : null;
    if (!subscription) {
        return null;
    }
    const endpoint = subscription.endpoint;
    await subscription.unsubscribe();
    return endpoint;
}
