package dev.billingportal.adapter.in.web.view;

import gg.jte.TemplateOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page as UTF-8 in one growing array. jte's own byte output keeps each precompiled static part and each written
 * value as a chunk of its own and joins them at the end: for {@code /users} with 200 users, some ten thousand
 * chunks, and growing then joining that list was a third of the page's rendering in the portal's profile
 * (docs/performance.md). Here every part is copied once, where it belongs.
 */
final class PageBuffer implements TemplateOutput {
    private byte[] bytes;
    private int size;

    PageBuffer(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        if (size + value.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, size + value.length));
        }
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    @Override
    public void writeContent(String value) {
        writeBinaryContent(value.getBytes(StandardCharsets.UTF_8)); // an intrinsic: faster than encoding here
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        writeContent(value.substring(beginIndex, endIndex));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
