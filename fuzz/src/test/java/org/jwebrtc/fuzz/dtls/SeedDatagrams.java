package org.jwebrtc.fuzz.dtls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Real DTLS datagrams for the seed writer: a whole handshake and one application_data record. */
public final class SeedDatagrams {
    private SeedDatagrams() {}

    public static List<byte[]> capture() {
        ConnectedPair pair = ConnectedPair.get();
        List<byte[]> out = new ArrayList<>(pair.handshakeDatagrams);
        byte[] data = "seed".getBytes(StandardCharsets.UTF_8);
        pair.client.send(data, 0, data.length);
        out.add(pair.client.pollTransmit());
        return out;
    }
}
