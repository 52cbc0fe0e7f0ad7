package org.jwebrtc.sctp;

import java.util.List;

/** RE-CONFIG (RFC 6525 §3.1): one or two re-configuration parameters. */
public record ReConfig(List<ReconfigParameter> parameters) implements Chunk {
    public ReConfig {
        parameters = List.copyOf(parameters);
    }

    @Override
    public int type() {
        return ChunkType.RE_CONFIG;
    }

    @Override
    public int flags() {
        return 0;
    }

    @Override
    public int valueLength() {
        int n = 0;
        for (int i = 0; i < parameters.size(); i++) {
            ReconfigParameter p = parameters.get(i);
            n += i == parameters.size() - 1 ? 4 + p.valueLength() : p.encodedLength();
        }
        return n;
    }

    @Override
    public void encodeValue(byte[] dst, int off) {
        for (ReconfigParameter p : parameters) {
            off += p.encode(dst, off);
        }
    }

    static ReConfig parseValue(byte[] buf, int off, int len) throws SctpException {
        return new ReConfig(ReconfigParameter.parseList(buf, off, len));
    }
}
