package org.safecity.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.safecity.identity.Actor;
import org.safecity.identity.CurrentActor;
import org.safecity.identity.Writes;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each person's saved video wall layouts. A layout is its owner's alone: anyone else, whatever their
 * role, is answered "not found". Camera ids are not checked against the registry (the console does not
 * reach into it); the wall shows only the cameras its viewer may watch, and says so for the others.
 */
@RestController
@RequestMapping("/api/v1/wall-layouts")
@Tag(name = "Video wall layouts", description = "A person's saved video walls: tiles, cameras, sequences, a second monitor")
class WallLayoutController {

    static final String WATCHERS = "hasAnyRole('ADMIN','OPERATOR','DISPATCHER','SUPERVISOR','INVESTIGATOR')";

    private final WallLayoutStore layouts;
    private final CameraGroupStore groups;
    private final Clock clock;

    WallLayoutController(WallLayoutStore layouts, CameraGroupStore groups, Clock clock) {
        this.layouts = layouts;
        this.groups = groups;
        this.clock = clock;
    }

    /** A tile: {@code cameraId}, or {@code groupId} with {@code seconds} for a sequence; null for an empty tile. */
    record TileBody(Long cameraId, Long groupId, Integer seconds) {
    }

    record LayoutBody(String name, Integer size, Integer screens, List<TileBody> tiles, TileBody sequence) {
    }

    record LayoutView(long id, String name, int size, int screens, List<TileBody> tiles, TileBody sequence, Instant updatedAt) {
    }

    record Layouts(List<LayoutView> items) {
    }

    @GetMapping
    @PreAuthorize(WATCHERS)
    @Operation(operationId = "wallLayoutList", summary = "My saved wall layouts")
    Layouts list() {
        return new Layouts(layouts.of(me().accountId()).stream().map(WallLayoutController::view).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize(WATCHERS)
    @Operation(operationId = "wallLayout", summary = "One of my wall layouts")
    LayoutView get(@PathVariable long id) {
        return view(layouts.find(me().accountId(), id).orElseThrow(() -> new NotFound("wall layout", id)));
    }

    @PostMapping
    @PreAuthorize(WATCHERS)
    @Writes(Writes.Scope.OWN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "wallLayoutCreate", summary = "Save a new wall layout: name, size (1, 4, 9 or 16 tiles a screen), screens (1 or 2), tiles, sequence")
    LayoutView create(@RequestBody(required = false) LayoutBody body) {
        var me = me();
        var layout = read(me, 0, body);
        if (layouts.count(me.accountId()) >= WallLayout.MOST_PER_ACCOUNT) {
            throw new Conflict("You have " + WallLayout.MOST_PER_ACCOUNT + " layouts already: delete one first.");
        }
        long id = layouts.insert(layout);
        return get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize(WATCHERS)
    @Writes(Writes.Scope.OWN)
    @Operation(operationId = "wallLayoutChange", summary = "Change one of my wall layouts (the whole layout)")
    LayoutView change(@PathVariable long id, @RequestBody(required = false) LayoutBody body) {
        var me = me();
        layouts.find(me.accountId(), id).orElseThrow(() -> new NotFound("wall layout", id));
        layouts.update(read(me, id, body));
        return get(id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(WATCHERS)
    @Writes(Writes.Scope.OWN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "wallLayoutDelete", summary = "Delete one of my wall layouts")
    void delete(@PathVariable long id) {
        if (!layouts.delete(me().accountId(), id)) {
            throw new NotFound("wall layout", id);
        }
    }

    static Actor.Person me() {
        if (CurrentActor.get() instanceof Actor.Person person) {
            return person;
        }
        throw new org.springframework.security.access.AccessDeniedException("A wall belongs to a person's account.");
    }

    /** The layout a body describes, or every field error at once; nothing is stored until all are right. */
    private WallLayout read(Actor.Person me, long id, LayoutBody body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: a layout with name, size, screens and tiles");
        }
        var errors = new ArrayList<FieldError>();
        String name = CameraGroupController.name(body.name(), errors);
        if (body.size() == null || !WallLayout.SIZES.contains(body.size())) {
            errors.add(new FieldError("size", "must be one of " + WallLayout.SIZES + " (tiles a screen)"));
        }
        int screens = body.screens() == null ? 1 : body.screens();
        if (screens < 1 || screens > WallLayout.MOST_SCREENS) {
            errors.add(new FieldError("screens", "must be 1 or " + WallLayout.MOST_SCREENS));
        }
        Set<Long> usable = groups.offeredTo(me.accountId(), me.jurisdiction()).stream().map(CameraGroup::id).collect(Collectors.toSet());
        int room = body.size() == null || !errors.isEmpty() ? Integer.MAX_VALUE : body.size() * screens;
        var given = body.tiles() == null ? List.<TileBody>of() : body.tiles();
        if (given.size() > room) {
            errors.add(new FieldError("tiles", "has " + given.size() + " tiles; a layout of " + body.size() + " tiles on " + screens
                + " screen(s) has room for " + room));
        }
        var tiles = new ArrayList<WallTile>();
        for (int i = 0; i < given.size(); i++) {
            tiles.add(tile(given.get(i), "tiles[" + i + "]", usable, errors, false));
        }
        WallTile sequence = body.sequence() == null ? null : tile(body.sequence(), "sequence", usable, errors, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        while (tiles.size() < room) {
            tiles.add(new WallTile.Empty());
        }
        return new WallLayout(id, me.accountId(), name, body.size(), screens, List.copyOf(tiles),
            (WallTile.Sequence) sequence, clock.instant());
    }

    private static WallTile tile(TileBody body, String field, Set<Long> usable, List<FieldError> errors, boolean sequenceOnly) {
        if (body == null || body.cameraId() == null && body.groupId() == null) {
            if (sequenceOnly) {
                errors.add(new FieldError(field + ".groupId", "is required: the group the wall cycles through"));
            }
            return new WallTile.Empty();
        }
        if (body.cameraId() != null && body.groupId() != null) {
            errors.add(new FieldError(field, "shows a camera or a group in sequence, not both"));
            return new WallTile.Empty();
        }
        if (body.cameraId() != null) {
            if (sequenceOnly) {
                errors.add(new FieldError(field + ".cameraId", "cannot be set: the wall's sequence cycles through a group"));
            } else if (body.cameraId() <= 0) {
                errors.add(new FieldError(field + ".cameraId", "must be a camera's id (a positive number)"));
            } else if (body.seconds() != null) {
                errors.add(new FieldError(field + ".seconds", "is only for a group in sequence"));
            }
            return new WallTile.Camera(body.cameraId());
        }
        if (!usable.contains(body.groupId())) {
            errors.add(new FieldError(field + ".groupId", "names no camera group of yours or shared with you"));
        }
        int seconds = body.seconds() == null ? 10 : body.seconds();
        if (seconds < WallTile.FASTEST_SECONDS || seconds > WallTile.SLOWEST_SECONDS) {
            errors.add(new FieldError(field + ".seconds", "must be from " + WallTile.FASTEST_SECONDS + " to " + WallTile.SLOWEST_SECONDS));
        }
        return new WallTile.Sequence(body.groupId(), seconds);
    }

    private static TileBody body(WallTile tile) {
        return switch (tile) {
            case WallTile.Camera c -> new TileBody(c.cameraId(), null, null);
            case WallTile.Sequence s -> new TileBody(null, s.groupId(), s.seconds());
            case WallTile.Empty e -> null;
        };
    }

    private static LayoutView view(WallLayout l) {
        return new LayoutView(l.id(), l.name(), l.size(), l.screens(), l.tiles().stream().map(WallLayoutController::body).toList(),
            l.sequence() == null ? null : body(l.sequence()), l.updatedAt());
    }
}
