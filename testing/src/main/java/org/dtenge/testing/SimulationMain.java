package org.dtenge.testing;

/**
 * {@code dtenge-sim}: runs simulation seeds from the command line.
 *
 * <pre>
 *   --seed N      replay one seed (what a failure prints)
 *   --seeds N     run seeds 1..N (default 100)
 *   --first N     start at seed N
 *   --steps N     steps per seed (default 400)
 *   --soak        run 10,000 seeds
 * </pre>
 */
public final class SimulationMain {
    private SimulationMain() {}

    public static void main(String[] args) {
        long first = 1;
        long seeds = 100;
        int steps = 400;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> {
                    first = Long.parseLong(args[++i]);
                    seeds = 1;
                }
                case "--seeds" -> seeds = Long.parseLong(args[++i]);
                case "--first" -> first = Long.parseLong(args[++i]);
                case "--steps" -> steps = Integer.parseInt(args[++i]);
                case "--soak" -> seeds = 10_000;
                default -> {
                    System.err.println("unknown option " + args[i] + "; see the javadoc of SimulationMain");
                    System.exit(2);
                }
            }
        }
        Simulation.Stats total = new Simulation.Stats();
        for (long seed = first; seed < first + seeds; seed++) {
            total.add(new Simulation(seed, steps).run());
            if ((seed - first + 1) % 100 == 0) {
                System.out.println("seeds " + first + ".." + seed + ": " + total);
            }
        }
        System.out.println(seeds + " seeds passed: " + total);
    }
}
