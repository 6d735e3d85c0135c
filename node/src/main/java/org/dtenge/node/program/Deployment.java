package org.dtenge.node.program;

import java.util.List;
import org.dtenge.programs.ContractTemplate;

/**
 * A contract to deploy, checked for shape by the HTTP layer: the template, a name, the CEL condition
 * and the template's own parameters ({@link org.dtenge.programs.Contracts#TEMPLATE_PARAMS} numbers,
 * accounts already resolved to their two halves).
 */
public record Deployment(ContractTemplate template, String name, String condition, List<Long> parameters) {
    public Deployment {
        parameters = List.copyOf(parameters);
    }
}
