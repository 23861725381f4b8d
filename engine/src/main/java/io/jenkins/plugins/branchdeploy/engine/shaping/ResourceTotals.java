package io.jenkins.plugins.branchdeploy.engine.shaping;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * CPU and memory an app's pods ask for, summed as a ResourceQuota counts them.
 *
 * @param cpuRequests in cores, e.g. {@code 1.57}
 * @param cpuLimits in cores
 * @param memoryRequests in bytes
 * @param memoryLimits in bytes
 * @param pods how many pods
 */
record ResourceTotals(BigDecimal cpuRequests, BigDecimal cpuLimits, BigDecimal memoryRequests,
        BigDecimal memoryLimits, int pods) {

    static final ResourceTotals NONE = new ResourceTotals(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0);

    private static final BigDecimal MEBIBYTE = BigDecimal.valueOf(1024L * 1024);

    ResourceTotals plus(ResourceTotals other) {
        return new ResourceTotals(cpuRequests.add(other.cpuRequests), cpuLimits.add(other.cpuLimits),
                memoryRequests.add(other.memoryRequests), memoryLimits.add(other.memoryLimits), pods + other.pods);
    }

    ResourceTotals times(int count) {
        BigDecimal n = BigDecimal.valueOf(count);
        return new ResourceTotals(cpuRequests.multiply(n), cpuLimits.multiply(n), memoryRequests.multiply(n),
                memoryLimits.multiply(n), pods * count);
    }

    /** The larger CPU figure: the quota caps requests and limits at the same value. */
    BigDecimal cpu() {
        return cpuRequests.max(cpuLimits);
    }

    BigDecimal memory() {
        return memoryRequests.max(memoryLimits);
    }

    /** E.g. {@code CPU limits 2.825 (requests 1.57), memory limits 2688Mi (requests 1450Mi), 12 pods}. */
    String describe() {
        return "CPU limits " + cores(cpuLimits) + " (requests " + cores(cpuRequests) + "), memory limits "
                + mebibytes(memoryLimits) + " (requests " + mebibytes(memoryRequests) + "), " + pods + (pods == 1 ? " pod" : " pods");
    }

    static String cores(BigDecimal cores) {
        return cores.signum() == 0 ? "0" : cores.stripTrailingZeros().toPlainString();
    }

    static String mebibytes(BigDecimal bytes) {
        return bytes.divide(MEBIBYTE, 0, RoundingMode.CEILING).toPlainString() + "Mi";
    }
}
