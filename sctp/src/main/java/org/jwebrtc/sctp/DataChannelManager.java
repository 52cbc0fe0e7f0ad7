package org.jwebrtc.sctp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * WebRTC data channels (RFC 8831) with DCEP (RFC 8832) on top of an {@link SctpAssociation}. Sans-IO like the
 * association: the caller still drains {@code association.pollTransmit()} and timeouts, but reads events here
 * (this class consumes the association's events). Not thread-safe.
 */
public final class DataChannelManager {
    private enum State { PENDING, OPEN, CLOSING }

    private static final class Channel {
        final int id;
        final DataChannelInit init;
        State state;
        boolean acked;     // §6.6: until DATA_CHANNEL_ACK, send ordered

        Channel(int id, DataChannelInit init) {
            this.id = id;
            this.init = init;
        }
    }

    private static final byte[] ZERO = {0};

    private final SctpAssociation association;
    private final boolean dtlsClient;
    private final Map<Integer, Channel> channels = new HashMap<>();
    private final ArrayDeque<DataChannelEvent> events = new ArrayDeque<>();
    private boolean connected;
    private long droppedMessages;

    /** {@code dtlsClient}: our DTLS role picks our stream ids, even for the client and odd for the server (§6). */
    public DataChannelManager(SctpAssociation association, boolean dtlsClient) {
        this.association = association;
        this.dtlsClient = dtlsClient;
    }

    /** Creates a channel and returns its id (the SCTP stream); the OPEN goes out once the association is up. */
    public int open(DataChannelInit init) {
        int id = init.negotiatedId() >= 0 ? init.negotiatedId() : freeStreamId();
        if (channels.containsKey(id)) {
            throw new IllegalStateException("stream " + id + " already carries a channel");
        }
        Channel c = new Channel(id, init);
        c.state = State.PENDING;
        c.acked = init.negotiatedId() >= 0;
        channels.put(id, c);
        if (connected) {
            announce(c);
        }
        return id;
    }

    private int freeStreamId() {
        int streams = association.outboundStreams();
        for (int id = dtlsClient ? 0 : 1; id < streams; id += 2) {
            if (!channels.containsKey(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no free stream id: the " + streams + " SCTP streams all carry a channel");
    }

    private void announce(Channel c) {
        if (c.init.negotiatedId() < 0) {
            DataChannelInit i = c.init;
            byte[] open = new DcepMessage.Open(i.channelType(), i.priority(), i.reliabilityParameter(), i.label(),
                    i.protocol()).toBytes();
            // §6.5: OPEN is sent reliable and ordered on the channel's stream
            if (!association.send(c.id, Ppid.DCEP, open, 0, open.length, SendOptions.RELIABLE)) {
                throw new IllegalStateException("send buffer full");
            }
        }
        c.state = State.OPEN;
        events.add(new DataChannelEvent.Opened(c.id, c.init, false));
    }

    /** Sends UTF-8 text (PPID 51, or 56 when empty); false when the send buffer is full. */
    public boolean send(int channelId, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return b.length == 0 ? sendRaw(channelId, Ppid.STRING_EMPTY, ZERO, 0, 1)
                : sendRaw(channelId, Ppid.STRING, b, 0, b.length);
    }

    /** Sends binary data (PPID 53, or 57 when empty); false when the send buffer is full. */
    public boolean send(int channelId, byte[] data, int off, int len) {
        return len == 0 ? sendRaw(channelId, Ppid.BINARY_EMPTY, ZERO, 0, 1)
                : sendRaw(channelId, Ppid.BINARY, data, off, len);
    }

    private boolean sendRaw(int id, int ppid, byte[] b, int off, int len) {
        Channel c = channels.get(id);
        if (c == null || c.state != State.OPEN) {
            throw new IllegalStateException("channel " + id + " is not open");
        }
        DataChannelInit i = c.init;
        boolean ordered = i.ordered() || !c.acked;
        SendOptions o = new SendOptions(ordered, i.maxRetransmits(),
                i.maxPacketLifeTimeMs() < 0 ? -1 : i.maxPacketLifeTimeMs() * 1_000_000L);
        return association.send(id, ppid, b, off, len, o);
    }

    public long bufferedAmount(int channelId) {
        return association.bufferedAmount(channelId);
    }

    public void setBufferedAmountLowThreshold(int channelId, long bytes) {
        association.setBufferedAmountLowThreshold(channelId, bytes);
    }

    /** RFC 8831 §6.7: reset our outgoing stream; the peer resets its own, then both report Closed. */
    public void close(int channelId) {
        Channel c = channels.get(channelId);
        if (c == null || c.state == State.CLOSING) {
            return;
        }
        if (c.state == State.PENDING) {
            channels.remove(channelId);
            events.add(new DataChannelEvent.Closed(channelId));
            return;
        }
        c.state = State.CLOSING;
        association.resetStreams(channelId);
    }

    private boolean canSend() {
        SctpState s = association.state();
        return s != SctpState.TERMINATED && s.compareTo(SctpState.SHUTDOWN_PENDING) < 0;
    }

    public long droppedMessages() {
        return droppedMessages;
    }

    public DataChannelEvent pollEvent() {
        SctpEvent e;
        while (events.isEmpty() && (e = association.pollEvent()) != null) {
            onAssociationEvent(e);
        }
        return events.poll();
    }

    private void onAssociationEvent(SctpEvent e) {
        if (e instanceof SctpEvent.MessageReceived m) {
            onMessage(m);
        } else if (e instanceof SctpEvent.StreamReset r) {
            for (int id : r.streamIds()) {
                Channel c = channels.get(id);
                if (c == null) {
                    continue;
                }
                if (c.state != State.CLOSING && association.state() == SctpState.ESTABLISHED) {
                    association.resetStreams(id);   // the peer closed: reset our direction too
                }
                channels.remove(id);
                events.add(new DataChannelEvent.Closed(id));
            }
        } else if (e instanceof SctpEvent.BufferedAmountLow b) {
            if (channels.containsKey(b.streamId())) {
                events.add(new DataChannelEvent.BufferedAmountLow(b.streamId()));
            }
        } else {
            if (e instanceof SctpEvent.Connected) {
                connected = true;
                for (Channel c : channels.values().toArray(new Channel[0])) {
                    if (c.state == State.PENDING) {
                        announce(c);
                    }
                }
            }
            events.add(new DataChannelEvent.Association(e));
        }
    }

    private void onMessage(SctpEvent.MessageReceived m) {
        int id = m.streamId();
        if (m.ppid() == Ppid.DCEP) {
            DcepMessage msg;
            try {
                msg = DcepMessage.parse(m.data(), 0, m.data().length);
            } catch (SctpException bad) {
                droppedMessages++;
                return;
            }
            if (msg instanceof DcepMessage.Open o) {
                if (channels.containsKey(id) || (id & 1) == (dtlsClient ? 0 : 1)) {
                    droppedMessages++;   // §6: the peer must use the other parity; never clobber a channel
                    return;
                }
                if (!canSend()) {
                    // The same packet also shut the association down (fuzz finding): no ACK can go out any more,
                    // so the channel never opens; network input must not make us throw.
                    droppedMessages++;
                    return;
                }
                Channel c = new Channel(id, DataChannelInit.fromOpen(o, id));
                c.state = State.OPEN;
                c.acked = true;
                channels.put(id, c);
                byte[] ack = new DcepMessage.Ack().toBytes();
                association.send(id, Ppid.DCEP, ack, 0, ack.length, SendOptions.RELIABLE);   // §6.6
                events.add(new DataChannelEvent.Opened(id, c.init, true));
            } else {
                Channel c = channels.get(id);
                if (c != null) {
                    c.acked = true;
                }
            }
            return;
        }
        Channel c = channels.get(id);
        if (c == null || c.state == State.PENDING) {
            droppedMessages++;
            return;
        }
        c.acked = true;   // §6.6: any message from the peer implies it saw our OPEN
        switch (m.ppid()) {
            case Ppid.STRING, Ppid.STRING_PARTIAL -> events.add(new DataChannelEvent.Message(id, false, m.data()));
            case Ppid.BINARY, Ppid.BINARY_PARTIAL -> events.add(new DataChannelEvent.Message(id, true, m.data()));
            case Ppid.STRING_EMPTY -> events.add(new DataChannelEvent.Message(id, false, new byte[0]));
            case Ppid.BINARY_EMPTY -> events.add(new DataChannelEvent.Message(id, true, new byte[0]));
            default -> droppedMessages++;
        }
    }
}
