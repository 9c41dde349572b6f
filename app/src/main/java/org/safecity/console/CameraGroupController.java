package org.safecity.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.safecity.identity.Actor;
import org.safecity.identity.Jurisdiction;
import org.safecity.identity.Role;
import org.safecity.identity.Writes;
import org.safecity.shared.Conflict;
import org.safecity.shared.InvalidInput;
import org.safecity.shared.InvalidInput.FieldError;
import org.safecity.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
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
 * Camera groups for the video wall: a person's own, and those a supervisor shares. A group nobody
 * offered the caller is "not found"; a shared group offered to the caller is changed only by its owner.
 */
@RestController
@RequestMapping("/api/v1/camera-groups")
@Tag(name = "Camera groups", description = "A site's cameras, a route or a custom list, to watch together or in sequence on the video wall")
class CameraGroupController {

    private static final int LONGEST_NAME = 80;

    private final CameraGroupStore groups;
    private final Clock clock;

    CameraGroupController(CameraGroupStore groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    /** {@code siteId} for a SITE group; {@code cameraIds} (in order) for a ROUTE or a LIST. */
    record GroupBody(String name, String kind, Long siteId, List<Long> cameraIds, Boolean shared) {
    }

    record GroupView(long id, String name, String kind, Long siteId, List<Long> cameraIds, boolean shared, String owner,
                     boolean mine, Instant updatedAt) {
    }

    record Groups(List<GroupView> items) {
    }

    @GetMapping
    @PreAuthorize(WallLayoutController.WATCHERS)
    @Operation(operationId = "cameraGroupList", summary = "My camera groups and those shared with me")
    Groups list() {
        var me = WallLayoutController.me();
        return new Groups(groups.offeredTo(me.accountId(), me.jurisdiction()).stream().map(g -> view(g, me)).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize(WallLayoutController.WATCHERS)
    @Operation(operationId = "cameraGroup", summary = "One camera group of mine or shared with me")
    GroupView get(@PathVariable long id) {
        var me = WallLayoutController.me();
        return view(offered(id, me), me);
    }

    @PostMapping
    @PreAuthorize(WallLayoutController.WATCHERS)
    @Writes(Writes.Scope.OWN)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "cameraGroupCreate", summary = "Make a camera group: SITE (siteId), ROUTE or LIST (cameraIds in order); shared only by a supervisor or administrator")
    GroupView create(@RequestBody(required = false) GroupBody body) {
        var me = WallLayoutController.me();
        var group = read(me, 0, body);
        if (groups.countOwnedBy(me.accountId()) >= CameraGroup.MOST_PER_OWNER) {
            throw new Conflict("You have " + CameraGroup.MOST_PER_OWNER + " camera groups already: delete one first.");
        }
        return get(groups.insert(group));
    }

    @PutMapping("/{id}")
    @PreAuthorize(WallLayoutController.WATCHERS)
    @Writes(Writes.Scope.OWN)
    @Operation(operationId = "cameraGroupChange", summary = "Change a camera group of mine (the whole group)")
    GroupView change(@PathVariable long id, @RequestBody(required = false) GroupBody body) {
        var me = WallLayoutController.me();
        owned(id, me);
        groups.update(read(me, id, body));
        return get(id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(WallLayoutController.WATCHERS)
    @Writes(Writes.Scope.OWN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "cameraGroupDelete", summary = "Delete a camera group of mine; walls that cycle through it say it is gone")
    void delete(@PathVariable long id) {
        groups.delete(owned(id, WallLayoutController.me()).id());
    }

    private CameraGroup offered(long id, Actor.Person me) {
        return groups.find(id).filter(g -> g.offeredTo(me.accountId(), me.jurisdiction()))
            .orElseThrow(() -> new NotFound("camera group", id));
    }

    private CameraGroup owned(long id, Actor.Person me) {
        var group = offered(id, me);
        if (group.ownerId() != me.accountId()) {
            throw new AccessDeniedException("Only " + group.ownerName() + ", who shares this group, can change it.");
        }
        return group;
    }

    private CameraGroup read(Actor.Person me, long id, GroupBody body) {
        if (body == null) {
            throw new InvalidInput("body", "is required: a group with name, kind and its site or cameras");
        }
        var errors = new ArrayList<FieldError>();
        String name = name(body.name(), errors);
        CameraGroup.Kind kind = null;
        try {
            kind = body.kind() == null ? null : CameraGroup.Kind.valueOf(body.kind().strip());
        } catch (IllegalArgumentException e) {
            kind = null;
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "must be SITE (a site's cameras), ROUTE (cameras in the order passed) or LIST"));
        }
        var cameras = body.cameraIds() == null ? List.<Long>of() : body.cameraIds();
        if (kind == CameraGroup.Kind.SITE) {
            if (body.siteId() == null || body.siteId() <= 0) {
                errors.add(new FieldError("siteId", "is required for a site's group: the site's id"));
            }
            if (!cameras.isEmpty()) {
                errors.add(new FieldError("cameraIds", "cannot be given for a site's group: its cameras are the site's"));
            }
        } else if (kind != null) {
            if (body.siteId() != null) {
                errors.add(new FieldError("siteId", "is only for a site's group"));
            }
            if (cameras.isEmpty() || cameras.size() > CameraGroup.MOST_CAMERAS) {
                errors.add(new FieldError("cameraIds", "must list from 1 to " + CameraGroup.MOST_CAMERAS + " cameras"));
            }
            var seen = new HashSet<Long>();
            for (int i = 0; i < cameras.size(); i++) {
                Long camera = cameras.get(i);
                if (camera == null || camera <= 0) {
                    errors.add(new FieldError("cameraIds[" + i + "]", "must be a camera's id (a positive number)"));
                } else if (!seen.add(camera)) {
                    errors.add(new FieldError("cameraIds[" + i + "]", "lists camera " + camera + " a second time"));
                }
            }
        }
        boolean shared = Boolean.TRUE.equals(body.shared());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (shared && !me.has(Role.SUPERVISOR) && !me.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only a supervisor or an administrator shares a camera group; keep it as your own.");
        }
        Jurisdiction scope = me.jurisdiction();
        return new CameraGroup(id, me.accountId(), me.name(), name, kind, kind == CameraGroup.Kind.SITE ? body.siteId() : null,
            kind == CameraGroup.Kind.SITE ? List.of() : List.copyOf(cameras), shared, scope, clock.instant());
    }

    /** A name to tell layouts or groups apart by: 1 to 80 characters, stripped. */
    static String name(String given, List<FieldError> errors) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty() || name.length() > LONGEST_NAME) {
            errors.add(new FieldError("name", "is required, from 1 to " + LONGEST_NAME + " characters"));
        }
        return name;
    }

    private static GroupView view(CameraGroup g, Actor.Person me) {
        return new GroupView(g.id(), g.name(), g.kind().name(), g.siteId(), g.cameraIds(), g.shared(), g.ownerName(),
            g.ownerId() == me.accountId(), g.updatedAt());
    }
}
