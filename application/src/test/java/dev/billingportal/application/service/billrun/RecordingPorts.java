package dev.billingportal.application.service.billrun;

import java.lang.reflect.Proxy;
import java.util.List;

/** A port whose calls are written down, for tests that count what a service asks of its stores. */
final class RecordingPorts {
    private RecordingPorts() {
    }

    /** {@code store}, the name of each method called on it written down in {@code calls}. */
    static <T> T recording(Class<T> port, T store, List<String> calls) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.add(method.getName());
            return method.invoke(store, args);
        }));
    }
}
