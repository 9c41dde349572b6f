/**
 * PDFs in English and Urdu: the shipped Noto fonts embedded ({@link org.safecity.shared.pdf.Typesetter}),
 * Arabic-script letters shaped and ordered for drawing ({@link org.safecity.shared.pdf.ArabicLetterForms},
 * {@link org.safecity.shared.pdf.VisualLine}), and the archival PDF/A-2b form courts keep
 * ({@link org.safecity.shared.pdf.ArchivalPdf}). PDFBox draws glyphs; it neither shapes nor reorders.
 */
package org.safecity.shared.pdf;
