package org.continuumcare.gateway.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.api.AddProfileTagEnum;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.ElementsSupportEnum;
import ca.uhn.fhir.rest.server.IPagingProvider;
import ca.uhn.fhir.rest.server.IRestfulServerDefaults;
import ca.uhn.fhir.rest.server.interceptor.IServerInterceptor;
import java.util.List;

/**
 * Searches the store as the gateway itself, with no cap on the number of matches. HAPI answers a
 * search made with a plain {@link SystemRequestDetails} synchronously: it loads every match at once
 * and silently stops at its internal synchronous search size (10,000 resources). A scan's search is
 * database-backed instead, as a REST client's is: the matches are kept as a search result and read
 * page by page with {@link IBundleProvider#getResources(int, int)}, so a scan over any number of
 * resources holds one page in memory and misses none.
 */
public final class StoreScan {

  private final IRestfulServerDefaults server;

  public StoreScan(FhirContext fhir, IPagingProvider paging) {
    this.server = new ScanServer(fhir, paging);
  }

  /**
   * The matches of {@code query}, to be read page by page. A query built as synchronous ({@link
   * SearchParameterMap#newSynchronous()}) is scanned all the same: synchronous is what caps it.
   */
  public IBundleProvider search(IFhirResourceDao<?> dao, SearchParameterMap query) {
    query.setLoadSynchronous(false);
    query.setLoadSynchronousUpTo(null);
    return dao.search(query, request());
  }

  /** A request of the gateway's own whose searches are database-backed. */
  public SystemRequestDetails request() {
    return new ScanRequest(server);
  }

  private static final class ScanRequest extends SystemRequestDetails {
    private final IRestfulServerDefaults server;

    ScanRequest(IRestfulServerDefaults server) {
      this.server = server;
    }

    @Override
    public IRestfulServerDefaults getServer() {
      return server;
    }
  }

  /** Only the paging provider matters: it is what makes HAPI keep the matches in the database. */
  private record ScanServer(FhirContext fhir, IPagingProvider paging)
      implements IRestfulServerDefaults {

    @Override
    public AddProfileTagEnum getAddProfileTag() {
      return null;
    }

    @Override
    public EncodingEnum getDefaultResponseEncoding() {
      return EncodingEnum.JSON;
    }

    @Override
    public ETagSupportEnum getETagSupport() {
      return null;
    }

    @Override
    public ElementsSupportEnum getElementsSupport() {
      return null;
    }

    @Override
    public FhirContext getFhirContext() {
      return fhir;
    }

    @Override
    public List<IServerInterceptor> getInterceptors_() {
      return null;
    }

    @Override
    public IPagingProvider getPagingProvider() {
      return paging;
    }

    @Override
    public boolean isDefaultPrettyPrint() {
      return false;
    }

    @Override
    public IInterceptorService getInterceptorService() {
      return null;
    }
  }
}
