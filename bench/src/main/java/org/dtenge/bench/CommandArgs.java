package org.dtenge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command lines of the bench modes: {@code --name value}, {@code --name=value}, and bare flags,
 * checked against the names a mode knows, so that a typo is an error and not a silent default.
 */
final class CommandArgs {
    private CommandArgs() {}

    /** One option as given; {@code value} is empty for a flag. */
    record Option(String name, String value) {}

    /** The options in order; prints {@code usage} and exits for --help. */
    static List<Option> parse(String[] args, Set<String> withValue, Set<String> flags, String usage) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals >= 0 ? arg.substring(0, equals) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (flags.contains(name)) {
                options.add(new Option(name, ""));
                continue;
            }
            if (!withValue.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + "\n" + usage);
            }
            if (equals >= 0) {
                options.add(new Option(name, arg.substring(equals + 1)));
            } else if (i + 1 < args.length) {
                options.add(new Option(name, args[++i]));
            } else {
                throw new IllegalArgumentException(name + " needs a value\n" + usage);
            }
        }
        return options;
    }
}
