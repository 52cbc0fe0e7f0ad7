package org.jwebrtc.rtp.rtcp;

import java.util.List;
import java.util.Optional;

/** One SDES chunk (RFC 3550 §6.5): an SSRC/CSRC and its items. */
public record SdesChunk(long ssrc, List<SdesItem> items) {
    public SdesChunk {
        RtcpHeader.checkU32("ssrc", ssrc);
        items = List.copyOf(items);
    }

    public Optional<String> cname() {
        for (SdesItem i : items) {
            if (i.type() == SdesItem.CNAME) {
                return Optional.of(i.text());
            }
        }
        return Optional.empty();
    }

    /** SSRC, items, one or more null octets up to the next 32-bit boundary (§6.5). */
    int encodedLength() {
        int n = 4;
        for (int k = 0; k < items.size(); k++) {
            n += 2 + items.get(k).length();
        }
        return RtcpHeader.pad4(n + 1);
    }
}
