package org.dtenge.node.http;

import org.dtenge.node.NodeException;
import org.dtenge.node.ProblemType;
import org.dtenge.node.participant.Participant;
import org.dtenge.node.participant.Role;
import org.dtenge.node.service.Network;

/** GET and POST /v1/participants, GET /v1/participants/{id}. */
final class ParticipantEndpoints {
    private final Network network;
    private final Views views;

    ParticipantEndpoints(Network network, Views views) {
        this.network = network;
        this.views = views;
    }

    record Registration(String id, Long code, String name, String role, String publicKey) {}

    record ParticipantList(java.util.List<Views.ParticipantView> participants) {}

    void register(Routes routes) {
        routes.get("/v1/participants", call -> Reply.ok(new ParticipantList(network.all().stream().map(views::participant).toList())));
        routes.get("/v1/participants/{id}", call -> Reply.ok(views.participant(network.find(call.path("id")).orElseThrow(
                () -> NodeException.of(ProblemType.PARTICIPANT_NOT_FOUND, "no participant \"" + call.path("id") + "\"")))));
        routes.post("/v1/participants", this::create);
    }

    private Reply create(Call call) {
        Registration body = call.body(Registration.class);
        String id = Fields.required(body.id(), "id");
        long code = Fields.required(body.code(), "code");
        String name = Fields.required(body.name(), "name");
        Role role;
        try {
            role = Role.valueOf(Fields.required(body.role(), "role"));
        } catch (IllegalArgumentException e) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "role must be one of " + java.util.Arrays.toString(Role.values())
                    + ", not \"" + body.role() + "\"");
        }
        byte[] key = Fields.publicKey(body.publicKey(), "publicKey");
        if (!Participant.isValidId(id)) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "id must be 2 to 16 of a-z, 0-9 and '-', starting with a letter, not \""
                    + id + "\"");
        }
        if (code <= 0) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "code must be a positive number, not " + code);
        }
        int nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (name.isBlank() || nameBytes > Participant.NAME_BYTES_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw NodeException.of(ProblemType.INVALID_FIELD, "name must be 1 to 64 bytes of UTF-8 without control characters");
        }
        return Reply.of(network.register(call.caller(), new Participant(id, code, name, role, key)), views::participant, 201);
    }
}
