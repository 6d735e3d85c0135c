package org.dtenge.node.http;

/** One route of the API: method and path template as openapi.yaml writes them, and whether it is signed. */
public record Route(String method, String path, boolean signed) {}
