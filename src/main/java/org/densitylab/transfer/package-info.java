/**
 * Transfer learning N−1 → N of the marginals paper's CDAE (spec marginals.md §5.3):
 * {@link org.densitylab.transfer.TransferLearning}.
 */
package org.densitylab.transfer;
