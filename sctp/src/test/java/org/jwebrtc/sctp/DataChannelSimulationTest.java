package org.jwebrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Data channels over two associations: DCEP open/ack, PPIDs, empty messages, negotiated ids, close. */
class DataChannelSimulationTest {
    private VirtualNetwork net;
    private DataChannelManager client;   // DTLS client: even stream ids
    private DataChannelManager server;   // DTLS server: odd
    private final List<DataChannelEvent> clientEvents = new ArrayList<>();
    private final List<DataChannelEvent> serverEvents = new ArrayList<>();

    private void start(long seed, double loss) {
        SctpConfig cfg = HandshakeSimulationTest.config();
        SctpAssociation a = new SctpAssociation(cfg, new Random(seed));
        SctpAssociation b = new SctpAssociation(cfg, new Random(seed + 1));
        client = new DataChannelManager(a, true);
        server = new DataChannelManager(b, false);
        net = new VirtualNetwork(a, b, seed).lossy(loss, loss / 4, 0.3);
        // the managers consume association events; pump them before the network harness sees them
        net.captureEvents = false;
        net.onStep = this::drain;
        a.connect(0);
        b.connect(0);   // both sides INIT, as browsers do
    }

    private void drain() {
        DataChannelEvent e;
        while ((e = client.pollEvent()) != null) {
            clientEvents.add(e);
        }
        while ((e = server.pollEvent()) != null) {
            serverEvents.add(e);
        }
    }

    private boolean run(java.util.function.BooleanSupplier done) {
        return net.runUntil(() -> {
            drain();
            net.pump();
            return done.getAsBoolean();
        }, net.now + VirtualNetwork.seconds(120));
    }

    private static <T> List<T> of(List<DataChannelEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void openExchangeMessagesAndClose() {
        start(1, 0.1);
        int chat = client.open(DataChannelInit.reliable("chat"));
        assertThat(chat % 2).isZero();
        int fromServer = server.open(new DataChannelInit("game", "proto", false, 0, -1, 512, -1));
        assertThat(fromServer % 2).isOne();
        assertThat(run(() -> of(serverEvents, DataChannelEvent.Opened.class).size() == 2
                && of(clientEvents, DataChannelEvent.Opened.class).size() == 2)).isTrue();
        DataChannelEvent.Opened remote = of(serverEvents, DataChannelEvent.Opened.class).stream()
                .filter(DataChannelEvent.Opened::remote).findFirst().orElseThrow();
        assertThat(remote.channelId()).isEqualTo(chat);
        assertThat(remote.init().label()).isEqualTo("chat");
        DataChannelEvent.Opened remote2 = of(clientEvents, DataChannelEvent.Opened.class).stream()
                .filter(DataChannelEvent.Opened::remote).findFirst().orElseThrow();
        assertThat(remote2.init()).isEqualTo(new DataChannelInit("game", "proto", false, 0, -1, 512, -1));

        assertThat(client.send(chat, "hello")).isTrue();
        assertThat(client.send(chat, "")).isTrue();
        assertThat(client.send(chat, new byte[] {1, 2, 3}, 0, 3)).isTrue();
        assertThat(client.send(chat, new byte[0], 0, 0)).isTrue();
        assertThat(run(() -> of(serverEvents, DataChannelEvent.Message.class).size() == 4)).isTrue();
        List<DataChannelEvent.Message> got = of(serverEvents, DataChannelEvent.Message.class);
        assertThat(got.get(0).text()).isEqualTo("hello");
        assertThat(got.get(0).binary()).isFalse();
        assertThat(got.get(1)).isEqualTo(new DataChannelEvent.Message(chat, false, new byte[0]));
        assertThat(got.get(2)).isEqualTo(new DataChannelEvent.Message(chat, true, new byte[] {1, 2, 3}));
        assertThat(got.get(3)).isEqualTo(new DataChannelEvent.Message(chat, true, new byte[0]));

        client.close(chat);
        assertThat(run(() -> of(serverEvents, DataChannelEvent.Closed.class).size() == 1
                && of(clientEvents, DataChannelEvent.Closed.class).size() == 1)).isTrue();
        assertThat(of(serverEvents, DataChannelEvent.Closed.class).get(0).channelId()).isEqualTo(chat);
        // the other channel still works
        assertThat(server.send(fromServer, "still here")).isTrue();
        assertThat(run(() -> of(clientEvents, DataChannelEvent.Message.class).size() == 1)).isTrue();
        // and the closed stream id can carry a new channel once both resets completed
        net.lossy(0, 0, 0);
        assertThat(run(() -> false)).isFalse();   // settle
        int again = client.open(DataChannelInit.reliable("again"));
        assertThat(again).isEqualTo(chat);
        client.send(again, "second life");
        assertThat(run(() -> of(serverEvents, DataChannelEvent.Message.class).size() == 5)).isTrue();
        assertThat(of(serverEvents, DataChannelEvent.Message.class).get(4).text()).isEqualTo("second life");
    }

    @Test
    void negotiatedChannelNeedsNoDcep() {
        start(2, 0);
        DataChannelInit init = new DataChannelInit("neg", "", true, -1, -1, 256, 7);
        client.open(init);
        server.open(init);
        assertThat(run(() -> of(serverEvents, DataChannelEvent.Opened.class).size() == 1
                && of(clientEvents, DataChannelEvent.Opened.class).size() == 1)).isTrue();
        client.send(7, "x");
        server.send(7, "y");
        assertThat(run(() -> of(serverEvents, DataChannelEvent.Message.class).size() == 1
                && of(clientEvents, DataChannelEvent.Message.class).size() == 1)).isTrue();
        assertThat(net.b.stats().messagesReceived()).isEqualTo(1);   // no DATA_CHANNEL_OPEN travelled
    }
}
