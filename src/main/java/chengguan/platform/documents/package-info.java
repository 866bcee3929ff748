/** Building blocks of printable documents: QR codes and the CJK font embedded in PDFs. */
@org.springframework.modulith.NamedInterface("documents")
package chengguan.platform.documents;
