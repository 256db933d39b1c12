/**
 * The convolutional denoising autoencoder (CDAE) of the marginals paper (Uzcategui-Contreras et al.,
 * arXiv:2410.11145, Appendix A; spec marginals.md §3–§4) in SameDiff: the network ({@link
 * org.densitylab.models.cdae.Cdae}), the loss of Eq. 6 ({@link org.densitylab.models.cdae.CdaeLoss}) with the
 * closed-form polar gradient ({@link org.densitylab.models.cdae.PolarTerm}), and the {@code cdae} bench case.
 * Training is in {@link org.densitylab.train}, evaluation in {@link org.densitylab.eval}.
 */
package org.densitylab.models.cdae;
