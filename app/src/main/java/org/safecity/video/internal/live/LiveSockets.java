package org.safecity.video.internal.live;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.safecity.shared.InvalidInput;
import org.safecity.video.internal.StatedPurposes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.util.WebUtils;

/**
 * Live video over WebSocket: a request the video controller has already let through (the person's
 * roles, jurisdiction and, for a partner's camera, stated purpose, exactly as for the HLS playlist) is
 * upgraded here and becomes a viewer of the camera's {@link LiveFeed}. The browser sends nothing; the
 * server sends a text message naming the codec, then binary messages: the initialisation segment and
 * one fragment per frame. A socket lasts at most {@link StatedPurposes#HOLDS}, then the player connects
 * again, so access is checked again as the HLS player's playlist requests are.
 */
@Component
class LiveSockets extends AbstractWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(LiveSockets.class);
    private static final String FEED = "liveFeed";
    private static final String VIEWER = "liveViewer";
    /** The browser sends nothing that matters; a small limit keeps it from sending much. */
    private static final int LARGEST_MESSAGE_IN = 1024;

    private final DefaultHandshakeHandler handshake = new DefaultHandshakeHandler();

    /** Upgrades the request to a WebSocket watching {@code feed}; a plain request or another site's page is refused. */
    void connect(LiveFeed feed, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            throw new InvalidInput("Upgrade", "live.mp4 is a WebSocket: connect with the WebSocket protocol (the console's player does)");
        }
        var in = new ServletServerHttpRequest(request);
        // a WebSocket is not bound by the browser's same-origin rule: a page of another site could open one with the person's cookie
        if (request.getHeader("Origin") != null && !WebUtils.isSameOrigin(in)) {
            throw new AccessDeniedException("a WebSocket from another site's page");
        }
        var out = new ServletServerHttpResponse(response);
        handshake.doHandshake(in, out, this, new java.util.HashMap<>(Map.of(FEED, feed)));
        out.flush();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(LARGEST_MESSAGE_IN);
        session.setBinaryMessageSizeLimit(LARGEST_MESSAGE_IN);
        var feed = (LiveFeed) session.getAttributes().get(FEED);
        session.getAttributes().put(VIEWER, feed.watch(new LiveFeed.Screen() {
            @Override
            public void text(String text) throws IOException {
                session.sendMessage(new TextMessage(text));
            }

            @Override
            public void binary(byte[] bytes) throws IOException {
                session.sendMessage(new BinaryMessage(bytes));
            }

            @Override
            public void close(boolean comeBack) {
                try {
                    if (session.isOpen()) {
                        session.close(comeBack ? CloseStatus.SERVICE_RESTARTED : CloseStatus.GOING_AWAY);
                    }
                } catch (IOException e) {
                    log.debug("live socket already closed: {}", e.getMessage());
                }
            }
        }, StatedPurposes.HOLDS));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(VIEWER) instanceof LiveFeed.Viewer viewer) {
            viewer.leave();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        afterConnectionClosed(session, CloseStatus.SERVER_ERROR);
    }
}
