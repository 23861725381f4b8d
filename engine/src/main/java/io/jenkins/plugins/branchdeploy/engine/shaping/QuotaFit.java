package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The quota preflight: whether an app fits its environment's quota, checked before anything is
 * written (a real cluster would refuse the pods one by one until the rollout timed out), and the
 * quota {@value Quota#AUTO} sizes from the app.
 *
 * <p>Auto-sizing takes the app's totals, adds {@link #HEADROOM_PERCENT} % so that rolling updates
 * have room for their new pods, and rounds up to 100m CPU, 64Mi memory and whole pods.
 */
final class QuotaFit {

    /** What an auto-sized quota adds to the app's totals, for the new pods of rolling updates. */
    public static final int HEADROOM_PERCENT = 50;

    private static final BigDecimal HEADROOM = BigDecimal.valueOf(100 + HEADROOM_PERCENT).movePointLeft(2);
    private static final BigDecimal CPU_STEP = new BigDecimal("0.1");
    private static final BigDecimal MEMORY_STEP = BigDecimal.valueOf(64L * 1024 * 1024);
    private static final long GIBIBYTE = 1024L * 1024 * 1024;

    private QuotaFit() {}

    /** The quota {@value Quota#AUTO} gives an app of these totals. */
    static Quota sized(ResourceTotals app) {
        BigDecimal cpu = roundUp(app.cpu().multiply(HEADROOM), CPU_STEP).max(CPU_STEP);
        BigDecimal memory = roundUp(app.memory().multiply(HEADROOM), MEMORY_STEP).max(MEMORY_STEP);
        int pods = Math.max(1, BigDecimal.valueOf(app.pods()).multiply(HEADROOM).setScale(0, RoundingMode.CEILING).intValue());
        return new Quota(ResourceTotals.cores(cpu), memory(memory), pods);
    }

    /**
     * Refuses an app that does not fit {@code quota}, naming its totals, the quota and a quota
     * that fits (with the headroom of {@value Quota#AUTO}).
     *
     * @throws InvalidInputException (field {@code quota}) when the running app exceeds the quota
     */
    static void check(ResourceTotals app, Quota quota) {
        List<String> exceeded = exceeded(app, quota);
        if (!exceeded.isEmpty()) {
            throw new InvalidInputException("quota", "the app needs " + app.describe() + ", more than quota "
                    + quota + " allows (" + String.join(", ", exceeded) + "); a real cluster would refuse its pods. Give quota "
                    + fitting(app, quota) + ", or auto to size it from the app");
        }
    }

    /** {@code quota}, with every limit that is too small for the app raised to the auto-sized one. */
    static Quota fitting(ResourceTotals app, Quota quota) {
        Quota sized = sized(app);
        return new Quota(larger(quota.cpu(), sized.cpu()), larger(quota.memory(), sized.memory()), Math.max(quota.pods(), sized.pods()));
    }

    private static List<String> exceeded(ResourceTotals totals, Quota quota) {
        BigDecimal cpu = amount(quota.cpu());
        BigDecimal memory = amount(quota.memory());
        List<String> exceeded = new ArrayList<>();
        if (totals.cpuLimits().compareTo(cpu) > 0) {
            exceeded.add("CPU limits " + ResourceTotals.cores(totals.cpuLimits()) + " > " + quota.cpu());
        }
        if (totals.cpuRequests().compareTo(cpu) > 0) {
            exceeded.add("CPU requests " + ResourceTotals.cores(totals.cpuRequests()) + " > " + quota.cpu());
        }
        if (totals.memoryLimits().compareTo(memory) > 0) {
            exceeded.add("memory limits " + ResourceTotals.mebibytes(totals.memoryLimits()) + " > " + quota.memory());
        }
        if (totals.memoryRequests().compareTo(memory) > 0) {
            exceeded.add("memory requests " + ResourceTotals.mebibytes(totals.memoryRequests()) + " > " + quota.memory());
        }
        if (totals.pods() > quota.pods()) {
            exceeded.add(totals.pods() + " pods > " + quota.pods());
        }
        return exceeded;
    }

    private static String larger(String current, String sized) {
        return amount(current).compareTo(amount(sized)) >= 0 ? current : sized;
    }

    private static BigDecimal amount(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(quantity));
    }

    private static BigDecimal roundUp(BigDecimal value, BigDecimal step) {
        return value.divide(step, 0, RoundingMode.CEILING).multiply(step);
    }

    private static String memory(BigDecimal bytes) {
        long value = bytes.longValueExact();
        return value % GIBIBYTE == 0 ? value / GIBIBYTE + "Gi" : ResourceTotals.mebibytes(bytes);
    }
}
