//! Group `bucket.url`: signed URLs to upload files to Crisp's storage.

use crisp_types::bucket::{BucketUrlGeneration, BucketUrlRequest};

use super::BucketApi;

endpoints! {
    impl BucketApi;

    /// Asks for a signed URL to upload a file to (`PUT` its bytes there).
    /// Crisp also delivers the URL as the RTM event
    /// `bucket:url:<namespace>:generated`; the answer's fields are all
    /// optional, so an answer without them decodes too.
    "Generate Bucket URL" => fn generate_bucket_url -> GenerateBucketUrl;
    POST "bucket/url/generate";
    tiers [user, plugin];
    path ();
    args (request: BucketUrlRequest);
    body request: BucketUrlRequest = request;
    output data BucketUrlGeneration;
}
